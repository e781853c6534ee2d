"""Consent, given and withdrawn, for the purposes of an intervention (docs/process.md §4)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint, not_before

from ..constants import ConsentPurpose
from .intervention import Intervention


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
            # At most one consent in effect per person, purpose and intervention: with two,
            # withdrawing one would leave the other in effect. One constraint per kind of
            # person, as a NULL in the other column never collides. Withdrawal cannot lie
            # ahead (the service refuses a future day), so "not withdrawn" is "in effect".
            models.UniqueConstraint(
                fields=["intervention", "purpose", "young_person"],
                condition=Q(withdrawn_on__isnull=True, young_person__isnull=False),
                name="consent_one_in_effect_young_person",
            ),
            models.UniqueConstraint(
                fields=["intervention", "purpose", "parent"],
                condition=Q(withdrawn_on__isnull=True, parent__isnull=False),
                name="consent_one_in_effect_parent",
            ),
        ]
        indexes = [models.Index(fields=["intervention", "purpose"], name="consent_intervention_purpose")]

    def __str__(self) -> str:
        return str(self.get_purpose_display())

    @property
    def person(self):
        return self.young_person or self.parent
