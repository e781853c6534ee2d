"""The factsheet's evaluation figures: response rate and mean per respondent and question, by
period and scope, exact in JSON and without a mean of fewer than 5 answers when published."""

import datetime as dt

from django.test import Client

from kansrijk.core.dates import SchoolYear
from kansrijk.evaluations import services
from kansrijk.reports.factsheet import compute_factsheet, factsheet_document
from kansrijk.reports.render import factsheet_csv, factsheet_print_html
from kansrijk.reports.scope import Scope
from kansrijk.reports.tests.helpers import words

from .helpers import answers, ended_intervention, links_in_mail, path_of

PERIOD = SchoolYear.parse("2024-2025")
IN_PERIOD = dt.date(2024, 10, 1)


def _professional_answers(django_capture_on_commit_callbacks, referrer, scores, *, unanswered=0, **options):
    """One ended intervention per score (its referrer answers cooperation with it), plus unanswered ones."""
    for n, score in enumerate(scores):
        ended_intervention(
            django_capture_on_commit_callbacks,
            referrer=referrer,
            referral_date=IN_PERIOD + dt.timedelta(days=n),
            **options,
        )
        link = path_of(links_in_mail()[referrer.email])
        Client().post(link, answers("professional", score=4, q_cooperation=str(score)))
    for n in range(unanswered):
        ended_intervention(
            django_capture_on_commit_callbacks,
            referrer=referrer,
            referral_date=IN_PERIOD + dt.timedelta(days=50 + n),
            **options,
        )


def test_it_counts_invited_responded_and_the_mean_per_question(django_capture_on_commit_callbacks, referrer):
    _professional_answers(django_capture_on_commit_callbacks, referrer, [5, 4, 4, 5, 3], unanswered=3)

    figures = compute_factsheet(period=PERIOD, scope=Scope.all())["evaluations"]

    assert figures["professional"]["invited"] == 8
    assert figures["professional"]["responded"] == 5
    assert figures["professional"]["response_rate_pct"] == 63
    assert figures["professional"]["questions"]["cooperation"] == {"answers": 5, "mean": 4.2}
    assert figures["professional"]["questions"]["fit"] == {"answers": 5, "mean": 4.0}
    assert figures["young_person"]["invited"] == 8
    assert figures["young_person"]["responded"] == 0
    assert figures["young_person"]["questions"]["heard"] == {"answers": 0, "mean": None}
    assert figures["parent"]["invited"] == 16


def test_it_counts_only_the_period_and_scope_of_the_intervention(
    django_capture_on_commit_callbacks, referrer, school_b
):
    _professional_answers(django_capture_on_commit_callbacks, referrer, [5, 4])

    previous_year = compute_factsheet(period=PERIOD.previous, scope=Scope.all())["evaluations"]
    other_school = compute_factsheet(period=PERIOD, scope=Scope.of(school_b))["evaluations"]
    own_school = compute_factsheet(period=PERIOD, scope=Scope.of(referrer.organisation.school))["evaluations"]

    assert previous_year["professional"]["invited"] == 0
    assert other_school["professional"]["invited"] == 0
    assert own_school["professional"]["responded"] == 2
    assert own_school["professional"]["questions"]["cooperation"]["mean"] == 4.5


def test_it_publishes_no_mean_over_fewer_than_5_answers(django_capture_on_commit_callbacks, referrer):
    _professional_answers(django_capture_on_commit_callbacks, referrer, [5, 4, 4, 5])
    document = factsheet_document(period=PERIOD, scope=Scope.all())

    csv_rows = {line.split(",")[0]: line for line in factsheet_csv(document=document).splitlines()}
    page = words(factsheet_print_html(document=document, scope=Scope.all(), stamp=""))

    assert document["evaluations"]["professional"]["questions"]["cooperation"]["mean"] == 4.5
    assert csv_rows["evaluations.professional.questions.cooperation.mean"].endswith(",,")
    assert csv_rows["evaluations.professional.responded"].split(",")[2] == "<5"
    assert "4,5" not in page


def test_it_publishes_the_mean_over_5_answers(django_capture_on_commit_callbacks, referrer):
    _professional_answers(django_capture_on_commit_callbacks, referrer, [5, 4, 4, 5, 3])
    document = factsheet_document(period=PERIOD, scope=Scope.all())

    csv_rows = {line.split(",")[0]: line.split(",") for line in factsheet_csv(document=document).splitlines()}
    page = words(factsheet_print_html(document=document, scope=Scope.all(), stamp=""))

    assert csv_rows["evaluations.professional.questions.cooperation.mean"][2] == "4.2"
    assert "Samenwerking met Halt 4,2" in page
    # The response rate of fewer than 10 invited is not published either.
    assert csv_rows["evaluations.professional.response_rate_pct"][2] == ""


def test_it_puts_approved_quotes_in_every_published_format(
    django_capture_on_commit_callbacks, referrer, team_lead_a
):
    intervention = ended_intervention(
        django_capture_on_commit_callbacks, referrer=referrer, referral_date=IN_PERIOD
    )
    Client().post(
        path_of(links_in_mail()["sem@example.org"]),
        answers("young_person", open_answer="Eerst nadenken, dan doen.", consent_to_quote="on"),
    )
    services.evaluation_quote_approve(
        evaluation=intervention.evaluations.get(respondent="young_person"),
        by=team_lead_a,
        text="Eerst nadenken, dan doen.",
    )
    document = factsheet_document(period=PERIOD, scope=Scope.all())

    page = words(factsheet_print_html(document=document, scope=Scope.all(), stamp=""))

    assert document["quotes"]["young_person"] == ["Eerst nadenken, dan doen."]
    assert "Jongeren en ouders zeggen “Eerst nadenken, dan doen.”" in page
    assert "quotes.young_person.1" in factsheet_csv(document=document)
