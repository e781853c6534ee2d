"""An ending invites the referring professional, the young person and each parent with an address."""

import contextlib

from django.db import transaction

from kansrijk.core.tokens import token_hash
from kansrijk.evaluations.constants import LinkPurpose
from kansrijk.evaluations.models import Evaluation, EvaluationLink
from kansrijk.interventions import services
from kansrijk.interventions.tests.factories import make_intervention

from .helpers import ended_intervention, evaluation_mails, links_in_mail


def test_it_invites_the_referrer_the_young_person_and_each_parent_with_an_address_on_completion(
    django_capture_on_commit_callbacks, referrer
):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)

    invited = sorted((e.respondent, e.first_name, e.email) for e in intervention.evaluations.all())
    assert invited == [
        ("parent", "Joost", "joost@example.org"),
        ("parent", "Marieke", "marieke@example.org"),
        ("professional", "Rik", "rik@zuiderlicht.example"),
        ("young_person", "Sem", "sem@example.org"),
    ]
    assert sorted(links_in_mail()) == [
        "joost@example.org",
        "marieke@example.org",
        "rik@zuiderlicht.example",
        "sem@example.org",
    ]
    evaluation = intervention.evaluations.first()
    assert (evaluation.expires_at - evaluation.invited_at).days == 30
    assert evaluation.referral_date == intervention.referral_date
    assert evaluation.municipality_id == intervention.municipality_id


def test_it_invites_on_stopping_too(django_capture_on_commit_callbacks, referrer):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer, status="stopped")

    assert intervention.evaluations.count() == 4


def test_it_invites_nobody_when_the_intervention_never_started(django_capture_on_commit_callbacks, referrer):
    with django_capture_on_commit_callbacks(execute=True):
        intervention = make_intervention(status="not_started", referred_by=referrer)

    assert not intervention.evaluations.exists()
    assert evaluation_mails() == []


def test_it_invites_the_young_person_without_an_address_for_a_printed_invitation(
    django_capture_on_commit_callbacks, referrer
):
    intervention = ended_intervention(
        django_capture_on_commit_callbacks, referrer=referrer, young_person_data={"first_name": "Noor"}
    )

    young = intervention.evaluations.get(respondent="young_person")
    assert young.email == ""
    assert not young.links.exists()
    assert len(evaluation_mails()) == 3


def test_it_does_not_invite_anyone_twice_after_a_reopened_file_ends_again(
    django_capture_on_commit_callbacks, referrer, team_lead_a
):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    services.intervention_reopen(intervention=intervention, by=team_lead_a, reason="Nog een gesprek nodig.")
    with django_capture_on_commit_callbacks(execute=True):
        services.intervention_complete(
            intervention=intervention,
            by=intervention.professional,
            outcome="sufficient",
            end_date=intervention.intake_date,
        )

    assert intervention.evaluations.count() == 4
    assert len(evaluation_mails()) == 4


def test_it_stores_only_a_hash_of_each_token(django_capture_on_commit_callbacks, referrer):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    tokens = [url.rstrip("/").rsplit("/", 1)[1] for url in links_in_mail().values()]

    stored = [str(row) for row in Evaluation.objects.values()] + [
        str(row) for row in EvaluationLink.objects.values()
    ]
    assert not any(token in text for token in tokens for text in stored)
    assert sorted(EvaluationLink.objects.values_list("token_hash", flat=True)) == sorted(
        token_hash(token) for token in tokens
    )
    assert set(EvaluationLink.objects.values_list("purpose", flat=True)) == {LinkPurpose.EMAIL}


def test_it_sends_nothing_when_the_ending_is_rolled_back(django_capture_on_commit_callbacks, referrer):
    intervention = make_intervention(status="in_progress", referred_by=referrer)
    assert intervention.professional is not None and intervention.intake_date is not None

    class Undo(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True), contextlib.suppress(Undo), transaction.atomic():
        services.intervention_complete(
            intervention=intervention,
            by=intervention.professional,
            outcome="sufficient",
            end_date=intervention.intake_date,
        )
        raise Undo

    assert evaluation_mails() == []
    assert not Evaluation.objects.exists()


def test_it_invites_the_referrer_only_with_the_consent_to_share_feedback(
    django_capture_on_commit_callbacks, referrer
):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer, consents=())

    # An invitation would tell the referrer the intervention ended: that is feedback too.
    assert not intervention.evaluations.filter(respondent="professional").exists()
    assert referrer.email not in links_in_mail()
    assert intervention.evaluations.filter(respondent="young_person").exists()
