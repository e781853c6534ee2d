"""Every form outside the file that creates something does so once, however often it is posted
(core/once.py): the referrer's referral, a data-subject request, an invitation, an import, a
published factsheet, an accepted referral. The file's own forms: interventions/tests/
test_views_exactly_once.py; the API: api/tests/test_api_idempotency.py."""

import threading
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kansrijk.accounts.models import Invitation
from kansrijk.conftest import SecondFactorClient
from kansrijk.core.tests.once import form_token, with_token
from kansrijk.interchange.models import ImportJob
from kansrijk.interchange.tests.helpers import SAMPLE
from kansrijk.interventions.models import Intervention, Note
from kansrijk.interventions.tests.factories import make_intervention, make_referral
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.portal import form_data
from kansrijk.reports.models import PublishedEdition
from kansrijk.rights.models import DataSubjectRequest

DUTCH = {"accept-language": "nl"}


def _twice(client, url, data, **kwargs):
    return [client.post(url, data, headers=DUTCH, **kwargs) for _ in range(2)]


def _said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_double_clicked_portal_referral_is_one_referral_of_one_young_person(client, referrer_a):
    client.force_login(referrer_a)
    url = reverse("portal:new")
    token = form_token(client.get(url).content.decode(), url)

    first, again = _twice(client, url, {**form_data(), "submission_token": token})

    referral = Referral.objects.get()
    assert YoungPerson.objects.count() == 1
    assert first["Location"] == again["Location"] == reverse("portal:submitted", args=[referral.uuid])
    assert "Dit was al opgeslagen." in _said(again)


def test_a_data_subject_request_is_registered_once(client, privacy_officer, caseworker_a):
    young_person = make_referral(professional=caseworker_a).young_person
    client.force_login(privacy_officer)
    url = reverse("rights:register", args=["jongere", young_person.uuid])
    data = {"kind": "access", "requester": "subject", "received_on": timezone.localdate().isoformat()}

    token = form_token(client.get(url).content.decode())

    first, again = _twice(client, url, {**data, "submission_token": token})

    dsr = DataSubjectRequest.objects.get()
    assert first["Location"] == again["Location"] == reverse("rights:detail", args=[dsr.uuid])


def test_an_invitation_is_sent_once(client, team_lead_a, organisation_a):
    client.force_login(team_lead_a)
    url = reverse("invitation_create")
    data = {
        "first_name": "Ans",
        "last_name": "de Wit",
        "email": "juf.ans@school.example.nl",
        "organisation": organisation_a.pk,
    }
    token = form_token(client.get(url).content.decode(), url)

    first, again = _twice(client, url, {**data, "submission_token": token})

    assert Invitation.objects.count() == 1
    assert (first.status_code, again.status_code) == (302, 302)


def test_an_import_file_is_uploaded_once(client, admin_user):
    client.force_login(admin_user)
    url = reverse("interchange:jobs")
    token = form_token(client.get(url).content.decode(), url)

    for _ in range(2):
        upload = SimpleUploadedFile("import.csv", SAMPLE.read_bytes())
        client.post(url, {"file": upload, "submission_token": token})

    assert ImportJob.objects.count() == 1


def test_a_factsheet_is_published_once(client, team_lead_a, school_a):
    client.force_login(team_lead_a)
    url = reverse("reports:factsheet_publish")

    _twice(
        client,
        url,
        with_token({"periode": "2024-2025", "scope": "regio", "naam": "Haaglanden", "bevestigd": "ja"}),
    )

    assert PublishedEdition.objects.count() == 1


def test_a_referral_is_accepted_once_and_the_repeat_goes_to_its_file(client, team_lead_a, caseworker_a):
    referral = make_referral(status="in_review", team_lead=team_lead_a)
    client.force_login(team_lead_a)

    first, again = _twice(
        client,
        reverse("referrals:accept", args=[referral.uuid]),
        with_token({"accept-professional": caseworker_a.pk}),
    )

    intervention = Intervention.objects.get(referral=referral)
    assert first["Location"] == again["Location"] == reverse("interventions:detail", args=[intervention.uuid])
    assert "Dit was al opgeslagen." in _said(again)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL")
def test_two_posts_of_one_form_at_once_store_one_note(transactional_db, caseworker_a, school_a, monkeypatch):
    """The first POST holds its token, uncommitted, while its note is written; the second waits
    at the unique index for it, then finds the token taken and answers as the first did."""
    intervention = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    url = reverse("interventions:add_note", args=[intervention.uuid])
    data = with_token({"text": "Twee keer geklikt."})
    first_inside, release = threading.Event(), threading.Event()

    from kansrijk.interventions import services

    add_note = services.intervention_add_note

    def slow_add_note(**kwargs):
        note = add_note(**kwargs)
        first_inside.set()
        assert release.wait(timeout=10)
        return note

    monkeypatch.setattr(services, "intervention_add_note", slow_add_note)
    browser = SecondFactorClient()
    browser.force_login(caseworker_a)
    answers: dict[str, Any] = {}

    def post(name: str) -> None:
        try:
            tab = SecondFactorClient()
            tab.cookies = browser.cookies
            answers[name] = tab.post(url, data)
        finally:
            connection.close()

    first = threading.Thread(target=post, args=("first",))
    first.start()
    assert first_inside.wait(timeout=10)
    second = threading.Thread(target=post, args=("second",))
    second.start()
    _wait_for_a_lock_wait()
    release.set()
    first.join(timeout=30)
    second.join(timeout=30)

    assert Note.objects.filter(intervention=intervention).count() == 1
    file_url = reverse("interventions:detail", args=[intervention.uuid])
    assert answers["first"]["Location"] == answers["second"]["Location"] == file_url


def _wait_for_a_lock_wait(timeout: float = 10.0) -> None:
    """Until another connection waits for a lock (the second POST at the unique index)."""
    import time

    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            # pg_locks, not pg_stat_activity's wait columns: those show other sessions only to
            # roles with the privileges of their owner, and the suite runs as the application's.
            cursor.execute(
                "SELECT count(*) FROM pg_locks JOIN pg_stat_activity USING (pid) "
                "WHERE NOT granted AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the second POST never waited for the first")
