"""Objects of every model in the admin, and its forms read as a browser sends them: for the
admin's audit test and the URL matrix (kansrijk/core/tests/test_url_matrix.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.db import models
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts import services as account_services
from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.api import services as api_services
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import (
    Municipality,
    Neighbourhood,
    ReferrerOrganisation,
    Region,
    RegionPage,
)
from kansrijk.privacy.services import privacy_statement_publish

PAGE_TEXT = {
    field: "Tekst."
    for field in ("introduction", "for_whom", "why", "approach", "parents", "ending", "how_to_refer")
}
_AXES = {"user_agent": "test", "ip_address": "10.0.0.1", "username": "iemand", "path_info": "/inloggen/"}


def make_objects(world) -> dict[str, Callable[[], models.Model]]:
    """One object of each model, made fresh for the change and the delete."""
    counter = iter(range(1000))

    def region():
        return Region.objects.create(name=f"Regio {next(counter)}")

    return {
        "auth.group": lambda: Group.objects.create(name=f"Groep {next(counter)}"),
        "otp_totp.totpdevice": lambda: TOTPDevice.objects.create(user=world.caseworker, name="app"),
        "otp_static.staticdevice": lambda: StaticDevice.objects.create(user=world.caseworker, name="codes"),
        "axes.accessattempt": lambda: AccessAttempt.objects.create(failures_since_start=1, **_AXES),
        "axes.accesslog": lambda: AccessLog.objects.create(**_AXES),
        "axes.accessfailurelog": lambda: AccessFailureLog.objects.create(locked_out=False, **_AXES),
        "accounts.user": lambda: User.objects.create_user(
            username=f"iemand{next(counter)}", role=Role.CASEWORKER, region=world.region
        ),
        "accounts.invitation": lambda: account_services.invitation_create(
            email=f"juf{next(counter)}@school.example.nl",
            first_name="Ans",
            last_name="de Wit",
            organisation=world.organisation,
            by=world.operator,
        )[0],
        "organisations.region": region,
        "organisations.municipality": lambda: Municipality.objects.create(
            name=f"Gemeente {next(counter)}", region=world.region
        ),
        "organisations.neighbourhood": lambda: Neighbourhood.objects.create(
            name=f"Wijk {next(counter)}", municipality=world.municipality
        ),
        "organisations.school": lambda: _school(world, next(counter)),
        "organisations.referrerorganisation": lambda: ReferrerOrganisation.objects.create(
            name=f"Team {next(counter)}",
            kind=ReferrerKind.NEIGHBOURHOOD_TEAM,
            municipality=world.municipality,
        ),
        "organisations.regionpage": lambda: _region_page(region()),
        "privacy.privacystatement": lambda: privacy_statement_publish(
            audience="parent",
            title="Privacy",
            body="Tekst.",
            in_force_from=dt.date(2026, 1, 1),
            by=world.operator,
        ),
        "api.apitoken": lambda: api_services.api_token_create(
            organisation=world.organisation, name="Systeem", by=world.operator
        )[0],
    }


def _school(world, number):
    from kansrijk.organisations.models import School

    return School.objects.create(
        brin=f"{number:02d}XY", name=f"School {number}", municipality=world.municipality
    )


def _region_page(region):
    return RegionPage.objects.create(
        region=region, title=region.name, slug=f"regio-{region.pk}", contact_name="Iemand", **PAGE_TEXT
    )


class _FormReader(HTMLParser):
    """The fields of the admin's form with the values a browser would send unchanged."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: tuple[str, bool] | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            self.data.setdefault(name, []).append(
                attributes.get("value") or ("on" if kind == "checkbox" else "")
            )
        elif tag == "select" and name:
            self._select, self._options = (name, "multiple" in attributes), []
        elif tag == "option" and self._select:
            self._options.append((attributes.get("value") or "", "selected" in attributes))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            name, multiple = self._select
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]
            self.data[name] = chosen
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data.strip("\n")


def read_form(client, url) -> dict[str, list[str]]:
    page = client.get(url)
    assert page.status_code == 200, url
    reader = _FormReader()
    reader.feed(page.content.decode())
    return reader.data


class AdminWorld:
    operator: User
    caseworker: User
    region: Region
    municipality: Municipality
    organisation: ReferrerOrganisation


@pytest.fixture
def admin_world(caseworker_a, region_a, municipality_a, organisation_a) -> AdminWorld:
    world = AdminWorld()
    world.operator = User.objects.create_superuser(username="operator", password="x", email="op@example.nl")
    world.caseworker, world.region, world.municipality = caseworker_a, region_a, municipality_a
    world.organisation = organisation_a
    return world
