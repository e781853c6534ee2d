"""The intervention itself and the history of its statuses."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint, exactly_when, not_before
from kansrijk.core.versions import Versioned
from kansrijk.referrals.constants import Reason

from ..constants import (
    ENDED_STATUSES,
    ContactMode,
    InterventionType,
    NotStartedReason,
    Outcome,
    Status,
    StopReason,
)

# Which flag on the intervention says its parents were contacted in a mode (see Intervention).
PARENT_CONTACT_FLAGS = {
    ContactMode.FACE_TO_FACE.value: "parent_contact_face_to_face",
    ContactMode.DIGITAL.value: "parent_contact_digital",
    ContactMode.PHONE.value: "parent_contact_phone",
}


class Intervention(Versioned):
    """A Halt school or neighbourhood intervention, created when a referral is accepted.

    `referral_date` and `primary_reason` repeat two facts of the referral on purpose: they are
    what the factsheet counts by, so reports need no join into case content and keep working
    on the anonymous remnant that retention leaves behind.

    `has_restoration` and the three `parent_contact_*` flags are part of that statistical
    remnant too: the factsheet counts them instead of the restoration actions and parent
    contacts, so its figures survive when retention removes those case rows, and one index-only
    scan answers it. The services that record those rows keep the flags right in the same
    transaction (as do the import, the demo and the benchmark generator, which write rows in bulk),
    all through `remnant.py` (`remnant_flags`, `raise_flags`).

    Its `version` (core/versions.py) goes up with every step that changes the file itself (its
    status, the planned intake, the professional, the ending), not with case work recorded in
    it or the remnant kept on it: a note does not make somebody's open "plan the intake" stale.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=32, unique=True)
    referral = models.OneToOneField(
        "referrals.Referral",
        on_delete=models.PROTECT,
        related_name="intervention",
        verbose_name=_("referral"),
    )
    type = models.CharField(_("type"), max_length=16, choices=InterventionType.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NEW)

    region = models.ForeignKey(
        "organisations.Region",
        on_delete=models.PROTECT,
        related_name="interventions",
        verbose_name=_("region"),
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="interventions",
        verbose_name=_("municipality"),
    )
    school = models.ForeignKey(
        "organisations.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name=_("school"),
    )
    neighbourhood = models.ForeignKey(
        "organisations.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name=_("neighbourhood"),
    )
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name=_("Halt professional"),
    )

    referral_date = models.DateField(_("referral date"))
    primary_reason = models.CharField(_("primary reason"), max_length=32, choices=Reason.choices)
    # Plain booleans, not a bitmask: readable in SQL and the admin, and counted with a filter.
    has_restoration = models.BooleanField(_("has a restoration action"), default=False)
    parent_contact_face_to_face = models.BooleanField(_("parents contacted face to face"), default=False)
    parent_contact_digital = models.BooleanField(_("parents contacted digitally"), default=False)
    parent_contact_phone = models.BooleanField(_("parents contacted by phone"), default=False)
    # The management figures' part of the remnant, kept by the services the same way: the day of
    # the first dated contact (a parent contact or a conversation), and whether the young person
    # had another intervention referred in the 365 days before this one (on the same day: one
    # with a lower referral id). See `remnant.py`.
    first_contact_date = models.DateField(_("first contact"), null=True, blank=True)
    is_repeat = models.BooleanField(_("repeat referral"), default=False)

    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    intake_planned_at = models.DateTimeField(_("intake planned for"), null=True, blank=True)
    intake_date = models.DateField(_("intake date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    stop_reason = models.CharField(
        _("reason for stopping"), max_length=32, choices=StopReason.choices, blank=True
    )
    not_started_reason = models.CharField(
        _("reason not started"), max_length=32, choices=NotStartedReason.choices, blank=True
    )
    end_note = models.TextField(_("explanation"), blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-referral_date", "-id"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        indexes = [
            # The factsheet filters on the school year first, then on the scope. The other key
            # columns are everything it reads from an intervention (the referral: for the young
            # people referred to care), so its scans are index-only, whatever the physical order
            # of the table. Key columns rather than `include=`:
            # SQLite has no non-key columns (Django warns, models.W040), and SQLite benefits too.
            models.Index(
                fields=[
                    "referral_date",
                    "type",
                    "region",
                    "municipality",
                    "school",
                    "primary_reason",
                    "has_restoration",
                    "parent_contact_face_to_face",
                    "parent_contact_digital",
                    "parent_contact_phone",
                    "referral",
                    "id",
                ],
                name="intervention_period_type",
            ),
            # The management figures: everything they read of a school year, index-only.
            models.Index(
                fields=[
                    "referral_date",
                    "region",
                    "type",
                    "status",
                    "outcome",
                    "is_repeat",
                    "first_contact_date",
                    "intake_date",
                    "end_date",
                    "id",
                ],
                name="intervention_management",
            ),
            models.Index(fields=["region", "status"], name="intervention_region_status"),
            # The search list sorted by reference: references begin with the year, so a walk of
            # the unique reference index meets a recent school year's files only after all older
            # ones; by region first, with the date in the index to filter on, it meets them at once.
            models.Index(
                fields=["region", "reference", "referral_date"], name="intervention_region_reference"
            ),
            models.Index(fields=["professional", "status"], name="intervention_prof_status"),
            # The team lead's attention lists read a region's open interventions by age; open
            # ones are a small share of all, so a partial index finds them without scanning.
            models.Index(
                fields=["region", "referral_date", "id"],
                name="intervention_open_region",
                condition=models.Q(status__in=["new", "intake_planned", "in_progress"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(type="school") | models.Q(school__isnull=False),
                name="intervention_school_type_has_school",
            ),
            # What each status guarantees (docs/process.md §2.2): the services write the end
            # date and the one reason of the ending together, and reopening clears them all.
            choices_constraint("intervention", "type", InterventionType),
            choices_constraint("intervention", "status", Status),
            choices_constraint("intervention", "primary_reason", Reason),
            choices_constraint("intervention", "outcome", Outcome, blank=True),
            choices_constraint("intervention", "stop_reason", StopReason, blank=True),
            choices_constraint("intervention", "not_started_reason", NotStartedReason, blank=True),
            exactly_when(
                "intervention_end_date_when_ended",
                Q(status__in=[Status.COMPLETED, Status.STOPPED, Status.NOT_STARTED]),
                Q(end_date__isnull=False),
            ),
            exactly_when("intervention_outcome_when_completed", Q(status=Status.COMPLETED), ~Q(outcome="")),
            exactly_when(
                "intervention_stop_reason_when_stopped", Q(status=Status.STOPPED), ~Q(stop_reason="")
            ),
            exactly_when(
                "intervention_not_started_reason_when_not_started",
                Q(status=Status.NOT_STARTED),
                ~Q(not_started_reason=""),
            ),
            # Not "end date not before the intake": the import takes old files as they are
            # (docs/interchange.md §3), so only the service checks that one.
            not_before("intervention_end_date_after_referral", "end_date", "referral_date"),
            not_before("intervention_intake_date_after_referral", "intake_date", "referral_date"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_closed(self) -> bool:
        return self.status in ENDED_STATUSES


class InterventionStatusChange(models.Model):
    """One transition of an intervention: from, to, by whom, when, why (cf. Healthchecks' Flip)."""

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    at = models.DateTimeField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            choices_constraint("intervention_history", "from_status", Status, blank=True),
            choices_constraint("intervention_history", "to_status", Status),
        ]
