"""The new pages (triage, the referral list, the file with all its forms and the HTMX answers)
carry nothing a strict Content-Security-Policy would block: no inline scripts, styles or event
handlers; HTMX does its work from attributes."""

import re

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention, make_referral

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.fixture
def pages(client, team_lead_a, school_a, organisation_a):
    intervention = make_intervention(
        status="in_progress", professional=team_lead_a, school=school_a, components=["reflection"]
    )
    referral = make_referral(organisation=organisation_a, reasons=["theft", "school_absence"])
    client.force_login(team_lead_a)
    return {
        "triage": client.get(reverse("referrals:detail", args=[referral.uuid])),
        "referrals": client.get(reverse("referrals:list")),
        "file": client.get(reverse("interventions:detail", args=[intervention.uuid])),
        "htmx step": client.post(
            reverse("interventions:record_agreement", args=[intervention.uuid]),
            {"agreement-description": ""},
            headers={"HX-Request": "true"},
        ),
    }


def test_it_uses_no_inline_scripts_styles_or_handlers(pages):
    for name, response in pages.items():
        assert response.status_code == 200, name
        text = response.content.decode()
        assert not INLINE_SCRIPT.search(text), name
        assert not INLINE_STYLE.search(text), name
