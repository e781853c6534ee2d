"""Every answer that shows case content writes exactly one audit row for the read, naming the
object of its address: a page asked for, and a page shown again after a POST with invalid input
or one the service refused (issue 14; docs/security.md §1, "What is recorded").

The addresses, roles and objects are those of the URL × role matrix (test_url_matrix.py), which
has an entry for every URL pattern of the project: a new address is asked here too, and a page
it shows must be audited or be named below as showing no case content.

- A POST the matrix answers with a page (200, or 400 for a form error) is sent with the
  matrix's data (none, or the least the page needs): it must write one read row.
- A POST the matrix answers with a redirect (the step went through) is sent a second time in
  the same transaction; when that second one is refused and answered with a page, that page
  must write one read row.
- Every address the matrix answers with a page to a GET is asked with an empty POST as well;
  a page it shows must write one read row unless it is in PAGES_WITHOUT_CASE_CONTENT.
- A GET of an address about an object that the matrix answers with a page writes one read
  row, or the rows OWN_ROWS names for it.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.urls import resolve

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.core.tests.test_url_matrix import (  # `world` is the matrix's fixture
    ELSEWHERE,
    MATRIX,
    RELATIONS,
    ROLES,
    World,
    project_url_patterns,
    world,
)
from kansrijk.interventions.views import STEPS

__all__ = ["world"]

# The audit rows that record a look at case content.
READS = {
    Event.INTERVENTION_VIEWED,
    Event.REFERRAL_VIEWED,
    Event.SUBJECT_REQUEST_VIEWED,
    Event.SUBJECT_VIEWED,
    Event.EVALUATION_VIEWED,
}
PAGE = (200, 400)

# Pages that answer a POST with a page of their own without a look at one object's case content:
# what the user typed, their own account, figures, or a list of their own work.
PAGES_WITHOUT_CASE_CONTENT = {
    # The start page and the work lists answer any method as a GET, with what the user may see
    # of their own work. Showing a list is not audited; a search by name in one is
    # (`interventions_searched`, interventions/tests/test_views_search_audit.py).
    "",
    "werk/",
    "werk/niet-bezorgde-e-mails/",
    # Logging in and the second factor: the user's own credentials.
    "inloggen/",
    "inloggen/tweestaps/",
    "inloggen/tweestaps/instellen/",
    # The user's own account: password and recovery codes.
    "account/",
    "account/wachtwoord/",
    "account/herstelcodes/",
    # The referrer's new referral: what the referrer typed in, nothing stored shown back.
    "verwijzer/aanmelden/",
    # Inviting a referrer: an e-mail address and an organisation.
    "verwijzers/uitnodigen/",
    # The upload of an import file: the form and its error.
    "importeren/",
    # The privacy officer's search for a person: an empty search is the form and its error;
    # a search that finds people writes `subject_search` (rights/tests/test_requests.py).
    "privacyverzoeken/nieuw/",
    # The questionnaire, for the respondent who opened their own link.
    "evaluatie/<uuid:uuid>/<str:token>/",
    # The Django admin, where no case content is registered.
    "admin/",
}

# Pages about one object whose GET writes rows of its own instead of one read row.
OWN_ROWS: dict[str, list[str]] = {
    # Who looked at the file: its own event.
    "interventies/<uuid:uuid>/bekeken/": [Event.INTERVENTION_VIEWERS_VIEWED],
    # The printed invitation: a new link for the young person, and a look at the file.
    "interventies/<uuid:uuid>/evaluaties/<uuid:evaluation_uuid>/printen/": [
        Event.EVALUATION_PRINTED,
        Event.INTERVENTION_VIEWED,
    ],
    # The access exports: one row each, with the format.
    "privacyverzoeken/<uuid:uuid>/inzage.json": [Event.SUBJECT_ACCESS_EXPORTED],
    "privacyverzoeken/<uuid:uuid>/inzage.pdf": [Event.SUBJECT_ACCESS_EXPORTED],
    # A published factsheet edition: figures, not case content.
    "rapportages/edities/<uuid:uuid>/pdf/": [],
    # The import jobs: the administrator's uploads, their rows' numbers and errors.
    "importeren/<uuid:uuid>/": [],
    "importeren/<uuid:uuid>/voortgang/": [],
    # The referrer's pages: the status of their own organisation's referral, no content.
    "verwijzer/aanmeldingen/<uuid:uuid>/": [],
    "verwijzer/aanmeldingen/<uuid:uuid>/ingediend/": [],
    # The questionnaire, for the respondent who opened their own link.
    "evaluatie/<uuid:uuid>/<str:token>/": [],
}


def _answers(entry) -> list[tuple[str, str, Any]]:
    """(role, relation, expected answer) for every question the matrix asks of `entry`."""
    asked = []
    for role in ROLES:
        answers = entry.answers[role]
        relations = RELATIONS if entry.about_objects else RELATIONS[:1]
        for index, relation in enumerate(relations):
            asked.append((role, relation, answers[index] if isinstance(answers, tuple) else answers))
    return asked


def _send(client_class, user, method: str, path: str, data: dict, *, times: int = 1):
    """The answer to the last of `times` requests, and the audit rows that last one wrote, as
    (event, subject uuid); all in a savepoint that is rolled back."""
    with transaction.atomic():
        browser = client_class()
        if user is not None:
            browser.force_login(user)
        for _ in range(times):
            mark = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
            response = browser.get(path, data) if method == "GET" else browser.post(path, data)
        rows = list(AuditEvent.objects.filter(id__gt=mark).order_by("id").values_list("event", "subject_id"))
        transaction.set_rollback(True)
    answer = ELSEWHERE if response.status_code == 302 else response.status_code
    return answer, rows


def _uuids(path: str) -> set[str]:
    return {str(value) for value in resolve(path).kwargs.values() if len(str(value)) == 36}


def _one_read_of_the_address(rows, path: str) -> bool:
    return len(rows) == 1 and rows[0][0] in READS and rows[0][1] in _uuids(path)


def _pages_shown_after_a_post(client, world: World):
    """(route, role, relation, path, rows) for every POST the matrix's roles get a page for."""
    shown = []
    for route, entry in MATRIX.items():
        for role, relation, expected in _answers(entry):
            user = world.users[role]
            path, data = entry.ask(world, relation)
            if entry.method == "POST" and expected in PAGE:
                answer, rows = _send(type(client), user, "POST", path, data)
            elif entry.method == "POST" and expected == ELSEWHERE:
                answer, rows = _send(type(client), user, "POST", path, data, times=2)
            elif entry.method == "GET" and expected == 200:
                answer, rows = _send(type(client), user, "POST", path, {})
            else:
                continue
            if answer in PAGE:
                shown.append((route, role, relation, path, rows))
    return shown


def test_every_page_shown_after_a_post_audits_one_read_of_its_object(client, world):
    shown = _pages_shown_after_a_post(client, world)
    wrong = [
        f"POST {route} as {role}, {relation}: audit rows {rows}"
        for route, role, relation, path, rows in shown
        if route not in PAGES_WITHOUT_CASE_CONTENT and not _one_read_of_the_address(rows, path)
    ]
    assert not wrong, "\n".join(wrong)
    # Every step of the file's registry, and the reproductions of issue 14, are among what was
    # asked: the check is not empty, and a step cannot slip past it.
    routes = {route for route, *_rest in shown}
    for step in STEPS.values():
        assert f"interventies/<uuid:uuid>/{step.path}/" in routes, step.path
    for route in (
        "interventies/<uuid:uuid>/notities/",
        "interventies/<uuid:uuid>/afspraak/",
        "interventies/<uuid:uuid>/toewijzen/",
        "interventies/<uuid:uuid>/onderdelen/<uuid:component_uuid>/afvinken/",
        "interventies/<uuid:uuid>/toestemming/<uuid:consent_uuid>/intrekken/",
        "aanmeldingen/<uuid:uuid>/in-behandeling/",
        "aanmeldingen/<uuid:uuid>/accepteren/",
        "aanmeldingen/<uuid:uuid>/afwijzen/",
        "privacyverzoeken/<uuid:uuid>/afhandelen/",
        "privacyverzoeken/nieuw/<str:kind>/<uuid:uuid>/",
    ):
        assert route in routes, route


def test_every_get_of_an_object_audits_one_read_of_it(client, world):
    wrong = []
    for route, entry in MATRIX.items():
        if entry.method != "GET":
            continue
        for role, relation, expected in _answers(entry):
            path, data = entry.ask(world, relation)
            if expected != 200 or not _uuids(path):
                continue
            _answer, rows = _send(type(client), world.users[role], "GET", path, data)
            if route in OWN_ROWS:
                if [event for event, _subject in rows] != OWN_ROWS[route]:
                    wrong.append(f"GET {route} as {role}, {relation}: {rows}, expected {OWN_ROWS[route]}")
            elif not _one_read_of_the_address(rows, path):
                wrong.append(f"GET {route} as {role}, {relation}: audit rows {rows}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("named", ["PAGES_WITHOUT_CASE_CONTENT", "OWN_ROWS"])
def test_the_exceptions_name_addresses_that_exist(named):
    stale = set(globals()[named]) - set(project_url_patterns())
    assert not stale, stale
