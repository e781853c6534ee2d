"""Every model registered in the admin: adding, changing and deleting it there writes a Kansrijk
audit row (kansrijk/audit/admin_site.py), naming the object and the fields changed.

The forms are filled as a browser would: the admin's own page is read for its fields and their
current values, and only what a person would type is added (ADD_DATA). An operator (superuser)
asks, so that every page the admin offers at all is reached; what the admin offers to nobody
(adding an invitation, changing a published privacy statement) is listed in NOT_OFFERED.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.audit.admin_site import AuditedAdminMixin
from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.tests.admin_objects import PAGE_TEXT, admin_world, make_objects, read_form
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import Region

__all__ = ["admin_world"]  # the fixture, used through `world`


@pytest.fixture
def world(admin_world):
    return admin_world


def _add_data(world) -> dict[str, dict]:
    return {
        "auth.group": {"name": "Groep"},
        "otp_totp.totpdevice": {"user": world.caseworker.pk, "name": "app"},
        "otp_static.staticdevice": {"user": world.caseworker.pk, "name": "codes"},
        "accounts.user": {
            "username": "nieuw",
            "password1": "zeven-kikkers-op-een-rij",
            "password2": "zeven-kikkers-op-een-rij",
            "role": Role.PRIVACY_OFFICER,
        },
        "organisations.region": {"name": "Utrecht"},
        "organisations.municipality": {"name": "Zeist", "region": world.region.pk},
        "organisations.neighbourhood": {"name": "Centrum", "municipality": world.municipality.pk},
        "organisations.school": {
            "brin": "99ZZ",
            "name": "Nieuwe School",
            "municipality": world.municipality.pk,
        },
        "organisations.referrerorganisation": {
            "name": "Wijkteam",
            "kind": ReferrerKind.NEIGHBOURHOOD_TEAM,
            "municipality": world.municipality.pk,
        },
        "organisations.regionpage": {
            "region": Region.objects.create(name="Zonder pagina").pk,
            "title": "Zonder pagina",
            "slug": "zonder-pagina",
            "contact_name": "Iemand",
            **PAGE_TEXT,
        },
        "privacy.privacystatement": {
            "audience": "jongeren",
            "title": "Privacy",
            "body": "Tekst.",
            "in_force_from": "01-01-2027",
        },
        "api.apitoken": {"organisation": world.organisation.pk, "name": "Leerlingvolgsysteem"},
    }


# (model, what) the admin offers nobody, the operator included.
NOT_OFFERED = {
    ("axes.accessattempt", "add"),
    ("axes.accesslog", "add"),
    ("axes.accessfailurelog", "add"),
    ("accounts.invitation", "add"),
    ("accounts.invitation", "change"),
    ("privacy.privacystatement", "change"),
    ("privacy.privacystatement", "delete"),
    ("api.apitoken", "delete"),
}
REGISTERED = sorted(model._meta.label_lower for model in admin.site._registry)
OPERATIONS = [(label, what) for label in REGISTERED for what in ("add", "change", "delete")]


def test_every_model_admin_is_audited():
    assert all(isinstance(model_admin, AuditedAdminMixin) for model_admin in admin.site._registry.values())


def test_what_the_admin_offers_nobody_is_refused_to_the_operator_too(rf, world):
    request = rf.get("/")
    request.user = world.operator
    models = {model._meta.label_lower: model for model in admin.site._registry}
    make = make_objects(world)
    for label, what in NOT_OFFERED:
        model_admin = admin.site._registry[models[label]]
        allowed = (
            model_admin.has_add_permission(request)
            if what == "add"
            else getattr(model_admin, f"has_{what}_permission")(request, make[label]())
        )
        assert not allowed, (label, what)


@pytest.mark.parametrize(("label", "what"), [op for op in OPERATIONS if op not in NOT_OFFERED])
def test_every_admin_change_writes_an_audit_row(client, world, label, what):
    client.force_login(world.operator)
    app_label, model_name = label.split(".")
    event = {
        "add": Event.ADMIN_OBJECT_ADDED,
        "change": Event.ADMIN_OBJECT_CHANGED,
        "delete": Event.ADMIN_OBJECT_DELETED,
    }
    before = timezone.now()
    subject = None
    data: Mapping[str, object]
    if what == "add":
        url = reverse(f"admin:{app_label}_{model_name}_add")
        data = {**read_form(client, url), **_add_data(world)[label]}
    else:
        subject = make_objects(world)[label]()
        url = reverse(f"admin:{app_label}_{model_name}_{what}", args=[subject.pk])
        if what == "change":
            data = read_form(client, url)
        else:
            data = {"post": "yes"}

    response = client.post(url, data)

    assert response.status_code == 302, (label, what, response.content.decode()[:3000])
    rows = AuditEvent.objects.filter(event=event[what], subject_type=label, at__gte=before)
    assert rows.count() == 1, (label, what)
    row = rows.get()
    assert row.actor == world.operator
    if subject is not None:
        assert row.subject_id == str(getattr(subject, "uuid", subject.pk))
    if what != "delete":
        assert isinstance(row.new["fields"], list)
    assert "password" not in str(row.old) + str(row.new).replace("'password1', 'password2'", "")
