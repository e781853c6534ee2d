"""Only the functional administrator (or a superuser) imports; every other role is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansrijk.interchange.constants import JobStatus
from kansrijk.interchange.models import ImportJob
from kansrijk.interventions.models import Intervention

from .helpers import SAMPLE
from .test_web_import_progress import make_job

OTHERS = ["caseworker_a", "team_lead_a", "relationship_manager_a", "referrer_a", "privacy_officer"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", OTHERS)
def test_other_roles_can_neither_upload_nor_see_nor_confirm(client, request, admin_user, role):
    job = make_job(admin_user, status=JobStatus.CHECKED)
    client.force_login(request.getfixturevalue(role))

    upload = client.post(
        reverse("interchange:jobs"), {"file": SimpleUploadedFile("x.csv", SAMPLE.read_bytes())}
    )
    answers = [
        upload.status_code,
        client.get(reverse("interchange:jobs")).status_code,
        client.get(reverse("interchange:job", args=[job.uuid])).status_code,
        client.get(reverse("interchange:job_progress", args=[job.uuid])).status_code,
        client.post(reverse("interchange:job_confirm", args=[job.uuid])).status_code,
    ]

    assert answers == [403] * 5
    assert list(ImportJob.objects.values_list("status", flat=True)) == [JobStatus.CHECKED]
    assert not Intervention.objects.exists()


@pytest.mark.django_db
def test_a_superuser_may_import_and_an_inactive_administrator_may_not(client, caseworker_a, admin_user):
    caseworker_a.is_superuser = True
    caseworker_a.save()
    client.force_login(caseworker_a)
    assert client.get(reverse("interchange:jobs")).status_code == 200

    admin_user.is_active = False
    admin_user.save()
    from kansrijk.accounts.policy import may_import_interventions

    assert not may_import_interventions(admin_user)


@pytest.mark.django_db
def test_the_administrator_finds_the_import_in_the_menu_and_on_the_start_page(
    client, admin_user, caseworker_a
):
    client.force_login(admin_user)
    page = client.get(reverse("home")).content.decode()
    assert page.count(f'href="{reverse("interchange:jobs")}"') == 2

    client.force_login(caseworker_a)
    assert reverse("interchange:jobs") not in client.get(reverse("work")).content.decode()


@pytest.mark.django_db
def test_an_unknown_job_is_not_found(client, admin_user):
    client.force_login(admin_user)
    assert (
        client.get(reverse("interchange:job", args=["00000000-0000-0000-0000-000000000000"])).status_code
        == 404
    )
