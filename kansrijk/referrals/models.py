import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint, exactly_when, not_before
from kansrijk.core.validators import no_control_characters
from kansrijk.organisations.constants import ReferrerKind

from .constants import UNDECIDED_STATUSES, InterventionType, Reason, ReferralStatus, RejectionReason


class Referral(models.Model):
    """A referral (aanmelding) of a young person by a school or neighbourhood partner."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=32, unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ReferralStatus.choices, default=ReferralStatus.SUBMITTED
    )
    type = models.CharField(_("type"), max_length=16, choices=InterventionType.choices)

    young_person = models.ForeignKey(
        "people.YoungPerson",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("young person"),
    )
    organisation = models.ForeignKey(
        "organisations.ReferrerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("referring organisation"),
    )
    referrer_kind = models.CharField(_("kind of referrer"), max_length=32, choices=ReferrerKind.choices)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_made",
        verbose_name=_("referred by"),
    )

    region = models.ForeignKey(
        "organisations.Region", on_delete=models.PROTECT, related_name="referrals", verbose_name=_("region")
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("municipality"),
    )
    school = models.ForeignKey(
        "organisations.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("school"),
    )
    neighbourhood = models.ForeignKey(
        "organisations.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("neighbourhood"),
    )

    referral_date = models.DateField(_("referral date"))
    incident_date = models.DateField(_("date of the incident"), null=True, blank=True)
    description = models.TextField(_("what happened"), blank=True)
    has_victim = models.BooleanField(_("there is a victim"), default=False)
    youth_informed = models.BooleanField(_("the young person knows of the referral"), default=False)
    parents_informed = models.BooleanField(_("the parents know of the referral"), default=False)
    other_care_involved = models.BooleanField(_("other care is involved"), default=False)
    other_care_description = models.CharField(
        _("which care"), max_length=300, blank=True, validators=[no_control_characters]
    )

    rejection_reason = models.CharField(
        _("reason for rejection"), max_length=32, choices=RejectionReason.choices, blank=True
    )
    rejection_note = models.TextField(_("explanation"), blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When retention removed the personal data of this referral and of its intervention (if
    # any); what is left is the anonymous remnant the reports count (retention/services.py).
    personal_data_removed_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True)

    class Meta:
        ordering = ["-referral_date", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [models.Index(fields=["region", "status"], name="referral_region_status")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(type="school") | models.Q(school__isnull=False),
                name="referral_school_type_has_school",
            ),
            choices_constraint("referral", "status", ReferralStatus),
            choices_constraint("referral", "type", InterventionType),
            choices_constraint("referral", "referrer_kind", ReferrerKind),
            choices_constraint("referral", "rejection_reason", RejectionReason, blank=True),
            # referral_reject writes the reason with the status; the other statuses never have one.
            exactly_when(
                "referral_rejection_reason_when_rejected",
                Q(status=ReferralStatus.REJECTED),
                ~Q(rejection_reason=""),
            ),
            not_before("referral_incident_not_after_referral", "referral_date", "incident_date"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_undecided(self) -> bool:
        """Waiting for a triage decision (submitted or in review)."""
        return self.status in UNDECIDED_STATUSES

    @property
    def primary_reason(self) -> str | None:
        for reason in self.reasons.all():
            if reason.is_primary:
                return reason.code
        return None

    @property
    def incident_or_referral_date(self):
        return self.incident_date or self.referral_date


class ReferralReason(models.Model):
    """One reason of a referral; exactly one is primary, the rest keep their order."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="reasons")
    code = models.CharField(_("reason"), max_length=32, choices=Reason.choices)
    position = models.PositiveSmallIntegerField(default=0)
    is_primary = models.BooleanField(default=False)

    class Meta:
        ordering = ["referral", "position"]
        constraints = [
            choices_constraint("referral_reason", "code", Reason),
            models.UniqueConstraint(fields=["referral", "code"], name="referral_reason_unique"),
            models.UniqueConstraint(
                fields=["referral"],
                condition=models.Q(is_primary=True),
                name="referral_one_primary_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.get_code_display()


class ReferralStatusChange(models.Model):
    """One transition of a referral: from, to, by whom, when, why."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=16, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=ReferralStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    at = models.DateTimeField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            choices_constraint("referral_history", "from_status", ReferralStatus, blank=True),
            choices_constraint("referral_history", "to_status", ReferralStatus),
        ]
