"""Bad input at the upload is a Dutch error on the file field, never a job and never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansrijk.interchange.models import ImportJob

from .helpers import valid_row, write_csv


def field_errors(response) -> list[str]:
    assert response.status_code == 200
    return list(response.context["form"].errors["file"])


@pytest.fixture
def logged_in(client, admin_user):
    client.force_login(admin_user)
    return client


def post(client, data):
    return client.post(reverse("interchange:jobs"), data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("interventions.txt", b"reference\nOLD-1\n", "Kies een .csv- of .xlsx-bestand."),
        ("interventions", b"reference\nOLD-1\n", "Kies een .csv- of .xlsx-bestand."),
        ("interventions.csv", b"", "Het verstuurde bestand is leeg."),
        (
            "interventions.csv",
            b"\xff\xfe\x00r\x00e",
            "kan het geüploade bestand niet lezen: geen geldige UTF-8-tekst",
        ),
        (
            "interventions.xlsx",
            b"not a workbook",
            "kan het geüploade bestand niet lezen: geen leesbare .xlsx-werkmap",
        ),
        ("interventions.csv", b"name,age\nJan,12\n", "kan het geüploade bestand niet lezen: geen kopregel"),
    ],
    ids=["extension", "no-extension", "empty", "not-utf8", "not-xlsx", "no-header"],
)
def test_it_refuses_a_file_it_cannot_read(logged_in, name, content, expected):
    errors = field_errors(post(logged_in, {"file": SimpleUploadedFile(name, content)}))

    assert len(errors) == 1
    assert errors[0].startswith(expected), errors
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_file_with_only_a_header(logged_in, tmp_path):
    path = write_csv(tmp_path / "x.csv", [])
    errors = field_errors(post(logged_in, {"file": SimpleUploadedFile("x.csv", path.read_bytes())}))

    assert errors == ["Het bestand heeft geen rijen onder de kopregel."]
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_it_asks_for_a_file_when_none_was_sent(logged_in):
    assert field_errors(post(logged_in, {})) == ["Dit veld is verplicht."]
    assert field_errors(post(logged_in, {"file": "OLD-1,school"})) == ["Dit veld is verplicht."]
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_file_above_the_limit_nginx_sets(logged_in, tmp_path, monkeypatch):
    from kansrijk.interchange import constants, forms

    assert constants.MAX_UPLOAD_BYTES == 20 * 1024 * 1024  # client_max_body_size 20m
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 100)
    path = write_csv(tmp_path / "x.csv", [valid_row()])

    errors = field_errors(post(logged_in, {"file": SimpleUploadedFile("x.csv", path.read_bytes())}))

    assert errors == ["Het bestand is groter dan 100\xa0bytes."]
    assert not ImportJob.objects.exists()
