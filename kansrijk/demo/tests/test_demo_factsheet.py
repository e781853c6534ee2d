"""The acceptance test: the demo data reproduce the seed factsheet of 2024-2025."""

import io
import json

from django.core.management import call_command

# The example of docs/factsheet.md, which are the figures of the 2024-2025 factsheet
# (the seed factsheet, docs/process.md): the independent source of truth for the demo data.
SEED_FACTSHEET_2024_2025 = {
    "period": "2024-2025",
    "scope": {"kind": "all"},
    "interventions": {"school": 1298, "neighbourhood": 295, "total": 1593},
    "schools": 212,
    "restoration_pct": 95,
    "care_referrals": 114,
    "care_reports": 14,
    "top_reasons": [
        {"code": "disorderly_behaviour", "label": "Baldadig/overlastgevend gedrag", "count": 337},
        {"code": "physical_aggression", "label": "Fysieke agressie", "count": 236},
        {"code": "theft", "label": "Diefstal", "count": 174},
        {"code": "online_misconduct", "label": "Digitaal grensoverschrijdend gedrag", "count": 132},
        {"code": "school_absence", "label": "Schoolverzuim", "count": 127},
    ],
    "parent_contact_pct": {"school": 72, "neighbourhood": 93},
}


def factsheet(period: str) -> dict:
    buffer = io.StringIO()
    call_command("factsheet", "--period", period, stdout=buffer)
    return json.loads(buffer.getvalue())


def test_it_reproduces_the_seed_factsheet_for_2024_2025(demo):
    figures = factsheet("2024-2025")

    # More figures may be added under new keys (factsheet.md); the seed's keys must match exactly.
    assert {key: figures.get(key) for key in SEED_FACTSHEET_2024_2025} == SEED_FACTSHEET_2024_2025


def test_it_gives_the_other_years_figures_of_their_own(demo):
    previous, current = factsheet("2023-2024"), factsheet("2025-2026")

    for figures in (previous, current):
        assert 1300 < figures["interventions"]["total"] < 1800
        assert figures["interventions"]["total"] != 1593
        assert [reason["code"] for reason in figures["top_reasons"]][:2] == [
            "disorderly_behaviour",
            "physical_aggression",
        ]
    assert previous["interventions"] != current["interventions"]
