import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint, exactly_when, not_before
from kansrijk.referrals.constants import Reason

from .constants import (
    ENDED_STATUSES,
    CareReferralKind,
    ComponentKind,
    ComponentStatus,
    ConsentPurpose,
    ContactMode,
    ConversationKind,
    InterventionType,
    NotStartedReason,
    Outcome,
    RestorationKind,
    Status,
    StopReason,
)

# Which flag on the intervention says its parents were contacted in a mode (see Intervention).
PARENT_CONTACT_FLAGS = {
    ContactMode.FACE_TO_FACE.value: "parent_contact_face_to_face",
    ContactMode.DIGITAL.value: "parent_contact_digital",
    ContactMode.PHONE.value: "parent_contact_phone",
}


class Intervention(models.Model):
    """A Halt school or neighbourhood intervention, created when a referral is accepted.

    `referral_date` and `primary_reason` repeat two facts of the referral on purpose: they are
    what the factsheet counts by, so reports need no join into case content and keep working
    on the anonymous remnant that retention leaves behind.

    `has_restoration` and the three `parent_contact_*` flags are part of that statistical
    remnant too: the factsheet counts them instead of the restoration actions and parent
    contacts, so its figures survive when retention removes those case rows, and one index-only
    scan answers it. The services that record those rows keep the flags right in the same
    transaction (as do the import, the demo and the benchmark generator, which write rows in bulk).
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


class CaseRecord(models.Model):
    """Fields every recorded piece of case work shares."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class ParentContact(CaseRecord):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="parent_contacts")
    parent = models.ForeignKey(
        "people.Parent", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("parent or carer")
    )
    mode = models.CharField(_("mode"), max_length=16, choices=ContactMode.choices)
    date = models.DateField(_("date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("parent contact")
        constraints = [choices_constraint("parent_contact", "mode", ContactMode)]


class Conversation(CaseRecord):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="conversations")
    kind = models.CharField(_("kind"), max_length=16, choices=ConversationKind.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    youth_took_part = models.BooleanField(_("the young person took part"), default=True)
    parents = models.ManyToManyField("people.Parent", blank=True, verbose_name=_("parents who took part"))
    others = models.CharField(_("others who took part"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("conversation")
        constraints = [choices_constraint("conversation", "kind", ConversationKind)]


class Agreement(CaseRecord):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="agreements")
    description = models.TextField(_("agreement"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    kept = models.BooleanField(_("kept"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("agreement")


class Component(CaseRecord):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="components")
    kind = models.CharField(_("component"), max_length=32, choices=ComponentKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ComponentStatus.choices, default=ComponentStatus.PLANNED
    )
    planned_date = models.DateField(_("planned for"), null=True, blank=True)
    done_date = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["planned_date", "id"]
        verbose_name = _("component")
        constraints = [
            choices_constraint("component", "kind", ComponentKind),
            choices_constraint("component", "status", ComponentStatus),
            # intervention_mark_component: a done component has the day it was done, others none.
            exactly_when(
                "component_done_date_when_done", Q(status=ComponentStatus.DONE), Q(done_date__isnull=False)
            ),
        ]


class RestorationAction(CaseRecord):
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="restoration_actions"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=RestorationKind.choices)
    date = models.DateField(_("date"), null=True, blank=True)
    victim_involved = models.BooleanField(_("the victim was involved"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("restoration action")
        constraints = [choices_constraint("restoration", "kind", RestorationKind)]


class CareReferral(CaseRecord):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="care_referrals")
    kind = models.CharField(_("kind of care"), max_length=32, choices=CareReferralKind.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # Referring to care needs consent, or a ground of the Meldcode (docs/process.md §4); this says which.
    meldcode_ground = models.BooleanField(_("on a ground of the Meldcode"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("referral to care")
        constraints = [choices_constraint("care_referral", "kind", CareReferralKind)]


class CareReport(CaseRecord):
    """A care report (zorgmelding) under the Meldcode: only the assigned professional and team
    leads may see these (docs/process.md §2, step 6)."""

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="care_reports")
    date = models.DateField(_("date"), null=True, blank=True)
    receiving_body = models.CharField(_("reported to"), max_length=200, default="Veilig Thuis")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("care report")


class Note(CaseRecord):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("note")


class Consent(models.Model):
    """One person's consent for one purpose of one intervention (docs/process.md §4).

    Exactly one of `young_person` and `parent` gives it. Whether the consents together are
    enough (under 16 a parent with authority must agree too) is decided in one place,
    `consent.consent_in_effect`. Withdrawal sets `withdrawn_on`; the row stays, so the file
    shows what was agreed when.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    intervention = models.ForeignKey(
        Intervention,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("intervention"),
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    young_person = models.ForeignKey(
        "people.YoungPerson",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("young person"),
    )
    parent = models.ForeignKey(
        "people.Parent",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("parent or carer"),
    )
    given_on = models.DateField(_("given on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawal recorded by"),
    )

    class Meta:
        # The table was made when consent lived in the people app; the model moved, the table stayed.
        db_table = "people_consent"
        ordering = ["given_on", "id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=Q(young_person__isnull=False, parent__isnull=True)
                | Q(young_person__isnull=True, parent__isnull=False),
                name="consent_one_person",
            ),
            choices_constraint("consent", "purpose", ConsentPurpose),
            not_before("consent_withdrawn_after_given", "withdrawn_on", "given_on"),
        ]
        indexes = [models.Index(fields=["intervention", "purpose"], name="consent_intervention_purpose")]

    def __str__(self) -> str:
        return str(self.get_purpose_display())

    @property
    def person(self):
        return self.young_person or self.parent
