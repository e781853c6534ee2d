"""The demo cases look like cases the workflow could have produced."""

from collections import defaultdict

from django.apps import apps
from django.db import models
from django.db.models import F
from django.utils import timezone

from kansrijk.core.dates import age_on
from kansrijk.interventions.consent import consent_in_effect
from kansrijk.interventions.constants import ENDED_STATUSES, OPEN_STATUSES, ConsentPurpose, Status
from kansrijk.interventions.models import (
    CareReferral,
    CareReport,
    Component,
    Conversation,
    Intervention,
    InterventionStatusChange,
    ParentContact,
    RestorationAction,
)
from kansrijk.referrals.models import Referral, ReferralStatusChange

STARTED = [Status.IN_PROGRESS, Status.COMPLETED, Status.STOPPED]
# Written by Django itself when a row is saved: the moment of loading, not a case fact.
AUTOMATIC = {"created_at", "updated_at", "date_joined", "last_login"}


def test_completed_interventions_have_an_outcome_and_only_they_do(demo):
    assert Intervention.objects.filter(status=Status.COMPLETED).exists()
    assert not Intervention.objects.filter(status=Status.COMPLETED, outcome="").exists()
    assert not Intervention.objects.exclude(status=Status.COMPLETED).exclude(outcome="").exists()


def test_dates_are_in_order(demo):
    interventions = Intervention.objects.all()
    assert not interventions.filter(intake_date__gt=F("end_date")).exists()
    assert not interventions.filter(intake_date__lt=F("referral_date")).exists()
    assert not interventions.filter(referral_date__lt=F("referral__incident_date")).exists()
    assert not interventions.filter(status__in=ENDED_STATUSES, end_date__isnull=True).exists()
    assert not interventions.filter(status__in=OPEN_STATUSES, end_date__isnull=False).exists()
    assert not interventions.filter(status__in=STARTED, intake_date__isnull=True).exists()
    assert not interventions.exclude(status__in=STARTED).filter(intake_date__isnull=False).exists()
    for model in (Conversation, RestorationAction, CareReferral, CareReport, ParentContact):
        assert not model.objects.filter(date__lt=F("intervention__referral_date")).exists(), model
        assert not model.objects.filter(date__gt=F("intervention__end_date")).exists(), model


def test_nothing_is_dated_after_today(demo):
    today, now = timezone.localdate(), timezone.now()
    checked = 0
    for model in apps.get_models():
        if not model.__module__.startswith("kansrijk."):
            continue
        for field in model._meta.concrete_fields:
            if field.name in AUTOMATIC:
                continue
            if isinstance(field, models.DateTimeField):
                assert not model._default_manager.filter(**{f"{field.name}__gt": now}).exists(), field
                checked += 1
            elif isinstance(field, models.DateField):
                assert not model._default_manager.filter(**{f"{field.name}__gt": today}).exists(), field
                checked += 1
    assert checked > 15


def test_every_professional_works_in_the_region_of_the_case(demo):
    assert not Intervention.objects.filter(professional__isnull=True).exists()
    assert not Intervention.objects.exclude(professional__region=F("region")).exists()
    assert not Intervention.objects.exclude(municipality__region=F("region")).exists()
    assert (
        not Intervention.objects.filter(school__isnull=False)
        .exclude(school__municipality=F("municipality"))
        .exists()
    )


def test_the_status_history_walks_to_the_current_status(demo):
    for model, parent, subjects in (
        (InterventionStatusChange, "intervention", Intervention.objects.values_list("pk", "status")),
        (ReferralStatusChange, "referral", Referral.objects.values_list("pk", "status")),
    ):
        steps = defaultdict(list)
        rows = model.objects.order_by("at", "pk").values_list(
            f"{parent}_id", "from_status", "to_status", "at"
        )
        for subject, old, new, at in rows:
            steps[subject].append((old, new, at))
        for pk, status in subjects:
            history = steps[pk]
            assert history[0][0] == "", (model, pk)
            assert history[-1][1] == status, (model, pk)
            assert all(a[1] == b[0] and a[2] <= b[2] for a, b in zip(history, history[1:], strict=False))


def test_referrals_and_interventions_match(demo):
    assert not Referral.objects.filter(status="accepted", intervention__isnull=True).exists()
    assert not Referral.objects.exclude(status="accepted").filter(intervention__isnull=False).exists()
    assert not Intervention.objects.exclude(referral__referral_date=F("referral_date")).exists()
    assert not Intervention.objects.exclude(
        referral__reasons__is_primary=True, referral__reasons__code=F("primary_reason")
    ).exists()


def test_young_people_are_10_to_23_on_the_day_of_the_incident(demo):
    ages = []
    for birth_date, incident_date in Intervention.objects.values_list(
        "referral__young_person__birth_date", "referral__incident_date"
    ):
        assert birth_date is not None and incident_date is not None
        ages.append(age_on(birth_date, incident_date))
    assert min(ages) >= 10 and max(ages) <= 23
    assert sum(12 <= age <= 17 for age in ages) > 0.7 * len(ages)


def test_work_follows_the_state_of_the_case(demo):
    before_intake = [Status.NEW, Status.INTAKE_PLANNED, Status.NOT_STARTED]
    for model in (RestorationAction, Conversation, Component):
        assert not model.objects.filter(intervention__status__in=before_intake).exists(), model
    assert not Component.objects.filter(intervention__status__in=ENDED_STATUSES, status="planned").exists()
    assert not Intervention.objects.filter(
        status=Status.INTAKE_PLANNED, intake_planned_at__isnull=True
    ).exists()


def test_every_referral_to_care_had_consent_on_its_day(demo):
    referrals = CareReferral.objects.select_related("intervention")
    assert referrals.exists()
    refused = [
        referral.pk
        for referral in referrals
        if not referral.meldcode_ground
        and not consent_in_effect(
            intervention=referral.intervention, purpose=ConsentPurpose.CARE_REFERRAL, on=referral.date
        )
    ]
    assert not refused
