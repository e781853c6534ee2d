"""The privacy statements for young people and for parents: public, versioned, never
edited in place, and linked from every page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.privacy.models import PrivacyStatement
from kansrijk.privacy.selectors import statement_in_force
from kansrijk.privacy.services import privacy_statement_publish


@pytest.mark.django_db
def test_both_statements_are_there_from_the_start_and_public(client):
    for audience, words in (("jongeren", "Wat Halt over jou opschrijft"), ("ouders", "Uw rechten")):
        response = client.get(reverse("privacy_statement_current", args=[audience]))
        assert response.status_code == 200
        assert words in response.content.decode()
        assert "Versie 1" in response.content.decode()


@pytest.mark.django_db
def test_a_new_version_takes_over_from_its_day_and_the_old_one_stays_readable(client, admin_user):
    first = statement_in_force(audience="jongeren")
    assert first is not None
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    second = privacy_statement_publish(
        audience="jongeren",
        title="Nieuwe tekst",
        body="Nieuwe uitleg.",
        in_force_from=tomorrow,
        by=admin_user,
    )

    assert second.version == 2
    assert statement_in_force(audience="jongeren") == first  # not yet in force
    assert statement_in_force(audience="jongeren", on=tomorrow) == second
    old = client.get(reverse("privacy_statement_version", args=["jongeren", 1])).content.decode()
    assert first.title in old
    first.refresh_from_db()
    assert first.body.startswith("Je bent naar Halt gestuurd")


@pytest.mark.django_db
def test_an_unknown_audience_or_version_is_not_found(client):
    assert client.get(reverse("privacy_statement_current", args=["iedereen"])).status_code == 404
    assert client.get(reverse("privacy_statement_version", args=["ouders", 99])).status_code == 404


@pytest.mark.django_db
def test_every_page_links_both_statements(client):
    for url in (reverse("login"), reverse("regions:list"), reverse("privacy_statement")):
        text = client.get(url).content.decode()
        assert reverse("privacy_statement_current", args=["jongeren"]) in text, url
        assert reverse("privacy_statement_current", args=["ouders"]) in text, url


@pytest.mark.django_db
def test_the_admin_adds_versions_but_never_changes_or_deletes_one(client, admin_user):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    statement = PrivacyStatement.objects.get(audience="ouders", version=1)
    change = reverse("admin:privacy_privacystatement_change", args=[statement.pk])

    client.post(change, {"title": "Anders", "body": "Anders.", "in_force_from": "2026-01-01"})
    response = client.post(
        reverse("admin:privacy_privacystatement_delete", args=[statement.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    statement.refresh_from_db()
    assert statement.title == "Privacyverklaring voor ouders en verzorgers"
    added = client.post(
        reverse("admin:privacy_privacystatement_add"),
        {"audience": "ouders", "title": "Versie twee", "body": "Tekst.", "in_force_from": "2026-12-01"},
    )
    assert added.status_code == 302
    assert PrivacyStatement.objects.get(audience="ouders", version=2).title == "Versie twee"
