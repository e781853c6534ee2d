"""The case work recorded in an intervention's file: contacts, conversations, agreements,
components, restoration, referrals to care, care reports and notes."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint, exactly_when
from kansrijk.core.versions import Versioned

from ..constants import (
    CareReferralKind,
    ComponentKind,
    ComponentStatus,
    ContactMode,
    ConversationKind,
    RestorationKind,
)
from .intervention import Intervention


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


class Component(Versioned, CaseRecord):
    """A planned component; marking it done or not done is a change with a version (core/versions.py)."""

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
