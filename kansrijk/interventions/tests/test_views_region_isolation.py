"""A professional of region B gets 404 for every URL of a region-A file, and region-A files
never appear in region-B lists, search results or worklists."""

import pytest
from django.urls import reverse

from kansrijk.core.tests.searching import search_get
from kansrijk.interventions.models import Note
from kansrijk.interventions.tests.factories import make_intervention, make_referral


@pytest.fixture
def file_a(caseworker_a, team_lead_a, school_a):
    return make_intervention(
        status="intake_planned",
        professional=caseworker_a,
        team_lead=team_lead_a,
        school=school_a,
        young_person_data={"first_name": "Noor", "last_name": "Bakker"},
    )


@pytest.fixture
def file_b(caseworker_b, team_lead_b, school_b):
    return make_intervention(status="new", professional=caseworker_b, team_lead=team_lead_b, school=school_b)


@pytest.fixture(params=["caseworker_b", "team_lead_b"])
def outsider(request, file_b):
    return request.getfixturevalue(request.param)


def test_it_answers_404_for_the_file_of_another_region(client, outsider, file_a):
    client.force_login(outsider)
    response = client.get(reverse("interventions:detail", args=[file_a.uuid]))
    assert response.status_code == 404
    assert "Noor" not in response.content.decode()


def test_it_answers_404_for_adding_to_the_file_of_another_region(client, outsider, file_a):
    client.force_login(outsider)
    url = reverse("interventions:add_note", args=[file_a.uuid])
    for headers in ({}, {"HX-Request": "true"}):
        response = client.post(url, {"text": "Ik kijk even mee."}, headers=headers)
        assert response.status_code == 404
    assert not Note.objects.exists()


def test_it_never_lists_another_regions_files(client, outsider, file_a, file_b):
    client.force_login(outsider)
    url = reverse("interventions:list")
    for fields in ({}, {"status": "intake_planned"}, {"q": "Noor Bakker"}, {"q": file_a.reference}):
        response = search_get(client, url, **fields)
        assert file_a not in response.context["page"].object_list
        # The search box repeats what was typed; the results must not add anything of file A.
        results = response.content.decode().split('id="results-heading"')[1]
        assert file_a.reference not in results
        assert "Noor" not in results
    assert list(client.get(url).context["page"].object_list) == [file_b]


def test_it_offers_only_the_own_regions_schools_and_colleagues(
    client, outsider, file_a, school_a, caseworker_a
):
    client.force_login(outsider)
    text = client.get(reverse("interventions:list")).content.decode()
    assert school_a.name not in text
    assert "Den Haag" not in text
    # Typing a region-A school into the address shows an error, not region A's files.
    response = client.get(reverse("interventions:list"), {"school": school_a.pk})
    assert file_a.reference not in response.content.decode()
    assert response.context["form"].errors["school"]


def test_it_keeps_another_regions_work_out_of_the_worklist(client, team_lead_b, file_a, organisation_a):
    referral_a = make_referral(organisation=organisation_a)
    client.force_login(team_lead_b)
    text = client.get(reverse("work")).content.decode()
    assert file_a.reference not in text
    assert referral_a.reference not in text
