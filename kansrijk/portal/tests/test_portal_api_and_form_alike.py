"""A referral sent through the API and one sent with the form appear identically in the team
lead's triage : the same rules, the same service, the same rows."""

import re

from django.urls import reverse

from kansrijk.api import services as api_services
from kansrijk.referrals.forms import ReferralForm
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.portal import api_payload, form_data
from kansrijk.triage.selectors import referral_triage


def intake_from_form(organisation, **changes):
    form = ReferralForm(form_data(**changes), organisation=organisation)
    assert form.is_valid(), form.errors
    return form.intake()


def _triage_facts(user, referral):
    triage = referral_triage(user=user, referral=referral)
    r = triage.referral
    young = triage.young_person
    return {
        "status": r.status,
        "type": r.type,
        "organisation": r.organisation_id,
        "region": r.region_id,
        "municipality": r.municipality_id,
        "school": r.school_id,
        "neighbourhood": r.neighbourhood_id,
        "referrer_kind": r.referrer_kind,
        "dates": (r.referral_date, r.incident_date),
        "description": r.description,
        "answers": (r.has_victim, r.youth_informed, r.parents_informed, r.other_care_involved),
        "other_care": r.other_care_description,
        "young_person": (
            young.first_name,
            young.last_name,
            young.birth_date,
            young.school_class,
            young.address_area,
            young.gender,
            young.phone,
            young.email,
        ),
        "parents": [
            (p.first_name, p.last_name, p.relation, p.phone, p.email, p.has_parental_authority)
            for p in triage.parents
        ],
        "reasons": [(reason.code, reason.is_primary, reason.position) for reason in triage.reasons],
        "age": triage.age,
        "warnings": [warning.key for warning in triage.warnings if warning.key != "referred_before"],
        "history": [(h.from_status, h.to_status) for h in triage.history],
    }


def _page_without(text: str, *references: str) -> str:
    body = text.split('id="inhoud"', 1)[1].split("</main>", 1)[0]
    for reference in references:
        body = body.replace(reference, "REF")
    return body


def test_an_api_referral_and_a_form_referral_look_the_same_in_triage(
    client, referrer_a, organisation_a, team_lead_a
):
    client.force_login(referrer_a)
    client.post(reverse("portal:new"), form_data())
    _token, key = api_services.api_token_create(organisation=organisation_a, name="LVS", by=None)
    answer = client.post(
        reverse("api:referrals"),
        api_payload(),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert answer.status_code == 201, answer.content

    by_form, by_api = Referral.objects.order_by("pk")
    assert answer.json()["reference"] == by_api.reference

    assert _triage_facts(team_lead_a, by_api) == _triage_facts(team_lead_a, by_form)

    client.force_login(team_lead_a)
    pages = [
        client.get(reverse("referrals:detail", args=[r.uuid])).content.decode() for r in (by_form, by_api)
    ]
    # The pages differ only in the reference, and in who referred: a colleague, or the system.
    form_page = _page_without(pages[0], by_form.reference, by_api.reference)
    api_page = _page_without(pages[1], by_form.reference, by_api.reference)
    assert _strip_referrer(form_page) == _strip_referrer(api_page)
    for shown in (
        "Daan",
        "Verbeek",
        "Gooide een stoel door het lokaal.",
        "Marieke",
        "06-12345678",
        "Wijkteam",
    ):
        assert shown in api_page


def _strip_referrer(page: str) -> str:
    # The "referred by" line names the person for the form; links to the other referral
    # ("referred before") point at each other's uuid.
    page = re.sub(r"/aanmeldingen/[0-9a-f-]{36}/", "/aanmeldingen/UUID/", page)
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "CSRF", page)
    page = re.sub(r'name="submission_token" value="[^"]*"', "ONE-TIME TOKEN", page)
    page = re.sub(r"(?s)<time [^>]*>.*?</time>", "TIME", page)
    page = re.sub(r'\s*<span class="timeline__by">[^<]*</span>', "", page)
    page = re.sub(r"(?s)<div><dt>Aangemeld door</dt><dd>[^<]*</dd></div>", "", page)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", page))
