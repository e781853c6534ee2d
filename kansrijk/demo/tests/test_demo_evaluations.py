"""Acceptance 3: the demo factsheet shows professional evaluations and quotes from a professional,
a young person and a parent (the seed factsheet's quotes for 2024-2025)."""

import hashlib
import io

from django.core.management import call_command

from kansrijk.evaluations.constants import QuoteStatus
from kansrijk.evaluations.models import Evaluation
from kansrijk.reports.tests.helpers import words

from .test_demo_factsheet import factsheet


def test_it_shows_professional_evaluations_and_the_seed_quotes_for_2024_2025(demo):
    figures = factsheet("2024-2025")

    professional = figures["evaluations"]["professional"]
    assert professional["responded"] >= 100
    assert 0 < professional["response_rate_pct"] < 100
    assert all(q["answers"] >= 5 and 4.0 <= q["mean"] <= 5.0 for q in professional["questions"].values())
    assert figures["quotes"]["professional"][0].startswith(
        "Halt is een belangrijke partner voor onze school."
    )
    assert len(figures["quotes"]["professional"]) == 2
    assert figures["quotes"]["young_person"] == [
        "Ik heb geleerd dat je anders kan reageren: niet uit emotie, eerst nadenken wat en hoe je het "
        "wil doen."
    ]
    assert (
        figures["quotes"]["parent"][1]
        == "Mijn zoon is zich meer bewust geworden van de risico's van zijn gedrag."
    )


def test_it_shows_them_on_the_factsheet_page(demo, client):
    from kansrijk.accounts.models import User

    client.force_login(User.objects.get(username="teamlead"))

    page = words(
        client.get("/rapportages/factsheet/?periode=2024-2025&scope=regio&naam=Haaglanden").content.decode()
    )

    assert "Evaluaties" in page and "Samenwerking met Halt" in page


def test_it_gives_the_demo_team_lead_quotes_to_review(demo, client):
    from kansrijk.accounts.models import User

    client.force_login(User.objects.get(username="teamlead"))

    page = words(client.get("/evaluaties/citaten/").content.decode())

    assert "Zuiderlicht College" in page  # a place name the team lead should take out
    assert Evaluation.objects.filter(quote_status=QuoteStatus.PENDING, region__name="Haaglanden").count() == 3
    # Every approved quote had consent.
    assert not Evaluation.objects.filter(quote_status=QuoteStatus.APPROVED, consent_to_quote=False).exists()


def _evaluation_fingerprint() -> str:
    rows = list(
        Evaluation.objects.order_by("uuid").values_list(
            "uuid",
            "respondent",
            "first_name",
            "referral_date",
            "answered_at",
            "score_1",
            "score_2",
            "score_3",
            "quote_status",
            "quote_text",
        )
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_it_loads_the_same_evaluations_every_time(demo):
    first = _evaluation_fingerprint()

    call_command("load_demo", "--force", stdout=io.StringIO())

    assert _evaluation_fingerprint() == first
