"""The printable invitation with a QR code for the young person, made from the file."""

from django.test import Client

from kansrijk.reports.tests.helpers import words

from .helpers import answers, ended_intervention, evaluation_of, path_of

URL = "/interventies/{}/evaluaties/{}/printen/"


def test_it_prints_a_qr_code_with_a_link_that_works(django_capture_on_commit_callbacks, referrer, client):
    intervention = ended_intervention(
        django_capture_on_commit_callbacks, referrer=referrer, young_person_data={"first_name": "Noor"}
    )
    young = evaluation_of(intervention, "young_person")
    client.force_login(intervention.professional)

    file = client.get(f"/interventies/{intervention.uuid}/")
    response = client.get(URL.format(intervention.uuid, young.uuid))

    assert "Uitnodiging met QR-code printen" in words(file.content.decode())
    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and "Noor, hoe was het bij Halt?" in words(page)
    link = path_of(words(page).split("Of typ dit adres in: ")[1].split(" ")[0])
    assert Client().post(link, answers("young_person")).status_code == 302
    young.refresh_from_db()
    assert young.is_answered


def test_it_prints_only_for_those_who_may_see_the_file(
    django_capture_on_commit_callbacks, referrer, caseworker_b, client
):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    young = evaluation_of(intervention, "young_person")
    client.force_login(caseworker_b)

    assert client.get(URL.format(intervention.uuid, young.uuid)).status_code == 404
    assert not young.links.filter(purpose="print").exists()


def test_it_prints_no_invitation_for_the_parents(django_capture_on_commit_callbacks, referrer, client):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    parent = intervention.evaluations.filter(respondent="parent").first()
    client.force_login(intervention.professional)

    assert client.get(URL.format(intervention.uuid, parent.uuid)).status_code == 404
