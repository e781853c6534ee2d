"""No CSV Kansrijk writes has a cell a spreadsheet would run as a formula, whatever text people
typed into the fields that reach it (kansrijk/core/spreadsheets.py).

One data set is built once; each example writes hostile texts into every text field that
reaches a CSV (names of places, schools, users and young people, an approved quote, what the
audit log holds), then reads every CSV back with Python's csv module in its own dialect.
"""

import csv
import io
from typing import Any

from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.conftest import SecondFactorClient
from kansrijk.core.dates import SchoolYear
from kansrijk.core.spreadsheets import FORMULA_STARTS, spreadsheet_cell
from kansrijk.evaluations import services as evaluation_services
from kansrijk.evaluations.models import Evaluation
from kansrijk.evaluations.tests.helpers import answers, ended_intervention, links_in_mail, path_of
from kansrijk.interchange.exporter import interventions_export
from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.organisations.models import Municipality, Neighbourhood, Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.reports.factsheet import factsheet_document
from kansrijk.reports.render import factsheet_csv
from kansrijk.reports.scope import Scope

# A formula character, then anything: quotes, both separators, line breaks, more formulas.
HOSTILE = st.tuples(
    st.sampled_from(FORMULA_STARTS),
    st.text(
        alphabet=st.sampled_from(list("ab '\";,\n\r\t=+-@"))
        | st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
        max_size=30,
    ),
).map("".join)
FIELDS = (
    "region",
    "municipality",
    "school",
    "neighbourhood",
    "youth_id",
    "professional_first_name",
    "professional_last_name",
    "quote",
    "username",
    "email",
)


def _cells(text: str, *, delimiter: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def _download(client: Client, url: str) -> str:
    response: Any = client.get(url)  # a streamed download
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return text.removeprefix("\ufeff")


def test_no_csv_has_a_cell_that_starts_like_a_formula(
    django_capture_on_commit_callbacks,
    referrer_a,
    team_lead_a,
    caseworker_a,
    privacy_officer,
    region_a,
    municipality_a,
    school_a,
):
    referrer_a.email = "rik@zuiderlicht.example"
    referrer_a.save()
    # A school intervention with an approved quote, and a neighbourhood intervention.
    with_quote = ended_intervention(
        django_capture_on_commit_callbacks,
        referrer=referrer_a,
        professional=caseworker_a,
        team_lead=team_lead_a,
    )
    Client().post(
        path_of(links_in_mail()["sem@example.org"]),
        answers("young_person", open_answer="Eerst nadenken.", consent_to_quote="on"),
    )
    evaluation = with_quote.evaluations.get(respondent="young_person")
    evaluation_services.evaluation_quote_approve(
        evaluation=evaluation, by=team_lead_a, text="Eerst nadenken."
    )
    neighbourhood = Neighbourhood.objects.create(name="Centrum", municipality=municipality_a)
    make_intervention(status="in_progress", neighbourhood=neighbourhood, professional=caseworker_a)
    actor = User.objects.create_user(
        username="invited", role=Role.REFERRER, organisation=referrer_a.organisation
    )
    period = SchoolYear.containing(with_quote.referral_date)
    privacy = SecondFactorClient()
    privacy.force_login(privacy_officer)
    lead = SecondFactorClient()
    lead.force_login(team_lead_a)

    @settings(max_examples=30, deadline=None)
    @given(texts=st.fixed_dictionaries(dict.fromkeys(FIELDS, HOSTILE)))
    def check(texts):
        Region.objects.filter(pk=region_a.pk).update(name=texts["region"])
        Municipality.objects.filter(pk=municipality_a.pk).update(name=texts["municipality"])
        School.objects.filter(pk=school_a.pk).update(name=texts["school"])
        Neighbourhood.objects.filter(pk=neighbourhood.pk).update(name=texts["neighbourhood"])
        YoungPerson.objects.filter(pk=with_quote.referral.young_person_id).update(
            external_id=texts["youth_id"]
        )
        User.objects.filter(pk=caseworker_a.pk).update(
            first_name=texts["professional_first_name"], last_name=texts["professional_last_name"]
        )
        Evaluation.objects.filter(pk=evaluation.pk).update(quote_text=texts["quote"])
        User.objects.filter(pk=actor.pk).update(username=texts["username"])
        actor.refresh_from_db()
        audit_record(actor=actor, event=Event.INVITATION_SENT, subject=None, new={"email": texts["email"]})

        out = io.StringIO()
        interventions_export(out=out)
        interchange = _cells(out.getvalue(), delimiter=",")
        factsheet = _cells(
            factsheet_csv(document=factsheet_document(period=period, scope=Scope.all())), delimiter=","
        )
        audit_log = _cells(_download(privacy, reverse("audit:export")), delimiter=";")
        interventions = _cells(_download(lead, reverse("interventions:export")), delimiter=";")

        for cells in (interchange, factsheet, audit_log, interventions):
            assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
        # The texts did reach the files, as text.
        for field in ("region", "municipality", "school", "neighbourhood", "youth_id"):
            assert spreadsheet_cell(texts[field]) in interchange
        assert spreadsheet_cell(texts["quote"]) in factsheet
        assert spreadsheet_cell(texts["username"]) in audit_log
        assert spreadsheet_cell(texts["school"]) in interventions
        assert spreadsheet_cell(texts["municipality"]) in interventions

    check()
