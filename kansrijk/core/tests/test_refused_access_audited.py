"""A refused request for an object that exists is recorded (ASVS 16.3.2): one `access_refused`
row naming the user, the object's type and uuid and the answer (403 or 404), nothing else. An
address of nothing that exists writes no row, and its answer is the same (kansrijk/core/lookups.py).

The addresses, roles and objects are those of the URL × role matrix (test_url_matrix.py): every
403 and 404 it expects for an address about an object is asked here.
"""

from __future__ import annotations

import re
import uuid

from django.db import transaction
from django.urls import resolve, reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.core.tests.test_url_matrix import (  # `world` is the matrix's fixture
    MATRIX,
    RELATIONS,
    ROLES,
    world,
)
from kansrijk.interventions.tests.factories import audit_mark, make_intervention, make_referral

__all__ = ["world"]

REFUSED = (403, 404)


def _page(response, asked) -> str:
    """The answer's page without the uuid it was asked about (the language switch returns to
    the address) and its CSRF token (logout form), which is masked anew each time."""
    page = response.content.decode().replace(str(asked), "<uuid>")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def _refusals_asked(world):
    """(route, role, relation, path, data, method, answer, uuids) for every refusal the matrix
    expects of a logged-in user at an address about an object."""
    for route, entry in MATRIX.items():
        for role in ROLES:
            if role == "anonymous":
                continue
            answers = entry.answers[role]
            relations = RELATIONS if entry.about_objects else RELATIONS[:1]
            for index, relation in enumerate(relations):
                expected = answers[index] if isinstance(answers, tuple) else answers
                if expected not in REFUSED:
                    continue
                path, data = entry.ask(world, relation)
                uuids = {str(value) for value in resolve(path).kwargs.values() if len(str(value)) == 36}
                if uuids:
                    yield route, role, relation, path, data, entry.method, expected, uuids


def test_every_refusal_of_an_object_that_exists_writes_one_row_naming_it(client, world):
    wrong = []
    asked = 0
    for route, role, relation, path, data, method, expected, uuids in _refusals_asked(world):
        user = world.users[role]
        with transaction.atomic():
            browser = type(client)()
            browser.force_login(user)
            mark = audit_mark()
            response = browser.get(path, data) if method == "GET" else browser.post(path, data)
            rows = list(
                AuditEvent.objects.filter(id__gt=mark).values(
                    "actor", "event", "subject_type", "subject_id", "old", "new"
                )
            )
            transaction.set_rollback(True)
        asked += 1
        assert response.status_code == expected, (route, role, relation)
        ok = (
            len(rows) == 1
            and rows[0]["event"] == "access_refused"
            and rows[0]["actor"] == user.pk
            and rows[0]["subject_type"]
            and rows[0]["subject_id"] in uuids
            and rows[0]["old"] is None
            and rows[0]["new"] == {"answer": expected}
        )
        if not ok:
            wrong.append(f"{method} {route} as {role}, {relation} ({expected}): {rows}")
    assert not wrong, "\n".join(wrong)
    assert asked > 100  # the matrix's case addresses, asked by every role that may not


def test_a_file_of_another_region_is_recorded_and_answered_as_a_missing_one(
    client, caseworker_a, caseworker_b, school_a
):
    file_a = make_intervention(
        status="in_progress",
        professional=caseworker_a,
        school=school_a,
        young_person_data={"first_name": "Noor", "last_name": "Bakker"},
    )
    client.force_login(caseworker_b)
    mark = audit_mark()

    nothing = uuid.uuid4()
    refused = client.get(reverse("interventions:detail", args=[file_a.uuid]))
    missing = client.get(reverse("interventions:detail", args=[nothing]))

    assert refused.status_code == missing.status_code == 404
    assert _page(refused, file_a.uuid) == _page(missing, nothing)
    assert "Noor" not in refused.content.decode()
    (row,) = AuditEvent.objects.filter(id__gt=mark)
    assert (row.actor, row.actor_label, row.event, row.subject_type, row.subject_id, row.old, row.new) == (
        caseworker_b,
        "bram",
        "access_refused",
        "interventions.intervention",
        str(file_a.uuid),
        None,
        {"answer": 404},
    )


def test_a_referral_refused_before_its_lookup_is_recorded_only_when_it_exists(
    client, referrer_a, organisation_a
):
    referral = make_referral(organisation=organisation_a)
    client.force_login(referrer_a)
    mark = audit_mark()

    nothing = uuid.uuid4()
    refused = client.get(reverse("referrals:detail", args=[referral.uuid]))
    missing = client.get(reverse("referrals:detail", args=[nothing]))

    assert refused.status_code == missing.status_code == 403
    assert _page(refused, referral.uuid) == _page(missing, nothing)
    rows = AuditEvent.objects.filter(id__gt=mark)
    assert list(rows.values_list("actor", "event", "subject_type", "subject_id", "new")) == [
        (referrer_a.pk, "access_refused", "referrals.referral", str(referral.uuid), {"answer": 403})
    ]
