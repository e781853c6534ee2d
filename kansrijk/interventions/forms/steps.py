"""The forms of the steps on the file: they check the input, the services check the rules."""

from __future__ import annotations

import datetime as dt
from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import HALT_CASE_ROLES
from kansrijk.accounts.models import User
from kansrijk.core.versions import VersionField
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.people.models import Parent

from ..constants import (
    CareReferralKind,
    ComponentKind,
    ComponentStatus,
    ContactMode,
    ConversationKind,
    NotStartedReason,
    Outcome,
    RestorationKind,
    StopReason,
)
from ..models import Component, Intervention
from .search import ProfessionalChoiceField


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


# --- case work on the file -------------------------------------------------------------------
#
# One form per step of `services.py`. Each has its own prefix, so that the many forms on the
# file page never share an id, and `arguments()` gives the service's keyword arguments. The
# forms check the input (required, a real date); whether the step is allowed, and whether a
# date fits the file, is for the service to say.


def _date_widget() -> forms.DateInput:
    # The browser's date picker sends ISO dates, which Django accepts in every language.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date_field(label, *, required: bool = True, today: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=_date_widget(),
        initial=timezone.localdate if today else None,
    )


def _note_field(label=None, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label or _("Note (optional)"),
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _choices(choices, empty) -> list:
    return [("", empty), *choices]


def _parent_label(parent: Parent) -> str:
    if parent.full_name and parent.relation:
        return f"{parent.full_name}, {parent.relation}"
    return parent.full_name or parent.relation or str(parent)


class ParentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Parent) -> str:
        return _parent_label(obj)


class ParentsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Parent) -> str:
        return _parent_label(obj)

    def _check_values(self, value):
        # A forged id beyond 64 bits makes SQLite raise in the `IN` query instead of matching
        # nothing; it is no parent of this file either way.
        for pk in value:
            text = str(pk).strip().lstrip("+-")
            if text.isdecimal() and int(text) >= 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)  # type: ignore[misc]  # private, not in django-stubs


class CaseForm(forms.Form):
    """A form for one step on `intervention`; subclasses say which keyword arguments they give."""

    # Whether the form needs the young person's parents and carers beyond its parent fields.
    uses_parents = False
    # Whether the step changes the file itself (its status, planned intake, professional): then
    # the form carries the version of the file it was read at (core/versions.py).
    changes_file = False

    def __init__(self, *args, intervention: Intervention, parents: list[Parent] | None = None, **kwargs):
        """`parents` are the young person's parents and carers when the caller has read them
        already (the file page, for all its forms at once); otherwise the form reads them."""
        super().__init__(*args, **kwargs)
        self.intervention = intervention
        if self.changes_file:
            self.fields["version"] = VersionField(initial=intervention.version)
        young_person_id = intervention.referral.young_person_id
        parent_fields = [
            field
            for field in self.fields.values()
            if isinstance(field, ParentChoiceField | ParentsChoiceField)
        ]
        if not parent_fields and not self.uses_parents:
            return
        if parents is None:
            parents = list(Parent.objects.filter(young_person_id=young_person_id))
        self.known_parents = parents
        for field in parent_fields:
            # Only this young person's parents and carers can take part or be contacted: the
            # queryset checks a posted choice. The choices are set from the list read once, as
            # a model choice field would otherwise query again each time it is rendered.
            field.queryset = Parent.objects.filter(young_person_id=young_person_id)
            empty = [("", field.empty_label)] if field.empty_label is not None else []
            field.choices = [*empty, *((parent.pk, field.label_from_instance(parent)) for parent in parents)]

    def arguments(self) -> dict:
        return dict(self.cleaned_data)


class PlanIntakeForm(CaseForm):
    prefix = "intake_plan"
    changes_file = True

    date = _date_field(_("Date of the intake"), today=False)
    time = forms.TimeField(
        label=_("Time of the intake"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    def arguments(self) -> dict:
        moment = dt.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        return {"planned_at": timezone.make_aware(moment), "version": self.cleaned_data.get("version")}


class _ConversationFields(CaseForm):
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    youth_took_part = forms.BooleanField(label=_("The young person took part"), required=False, initial=True)
    parents = ParentsChoiceField(
        label=_("Parents or carers who took part"),
        required=False,
        queryset=Parent.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    others = forms.CharField(
        label=_("Others who took part"),
        required=False,
        max_length=300,
        help_text=_("For example the mentor or the care coordinator."),
    )
    summary = _note_field(_("Summary (optional)"))


class StartForm(_ConversationFields):
    """Recording the intake (first conversation): the intervention is then in progress."""

    prefix = "intake"
    changes_file = True
    field_order = ["intake_date", "place", "youth_took_part", "parents", "others", "summary"]

    intake_date = _date_field(_("Date of the intake"))


class ConversationForm(_ConversationFields):
    prefix = "conversation"
    field_order = ["kind", "date", "place", "youth_took_part", "parents", "others", "summary"]

    kind = forms.ChoiceField(
        label=_("Kind of conversation"),
        choices=_choices(
            [(code, label) for code, label in ConversationKind.choices if code != ConversationKind.INTAKE],
            _("Choose a kind"),
        ),
    )
    date = _date_field(_("Date of the conversation"))


class ParentContactForm(CaseForm):
    prefix = "contact"

    parent = ParentChoiceField(
        label=_("Parent or carer"),
        required=False,
        queryset=Parent.objects.none(),
        empty_label=_("Not specified"),
    )
    mode = forms.ChoiceField(
        label=_("Mode of contact"), choices=_choices(ContactMode.choices, _("Choose a mode"))
    )
    date = _date_field(_("Date of the contact"))
    note = _note_field()


class AgreementForm(CaseForm):
    prefix = "agreement"

    description = forms.CharField(
        label=_("Agreement"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_date = _date_field(_("Due date (optional)"), required=False, today=False)


class ComponentForm(CaseForm):
    prefix = "component"

    kind = forms.ChoiceField(
        label=_("Component"), choices=_choices(ComponentKind.choices, _("Choose a component"))
    )
    planned_date = _date_field(_("Planned for (optional)"), required=False, today=False)
    note = _note_field()


class MarkComponentForm(forms.Form):
    """Marking one planned component; the prefix names the component, one form per component."""

    status = forms.ChoiceField(
        label=_("Result"),
        choices=[(ComponentStatus.DONE, _("Done")), (ComponentStatus.NOT_DONE, _("Not done"))],
        widget=forms.RadioSelect,
    )
    date = _date_field(_("Done on"), required=False)
    version = VersionField()

    def __init__(self, data=None, *, component: Component, **kwargs):
        super().__init__(data, prefix=f"mark-{component.uuid}", **kwargs)
        self.component = component
        self.fields["version"].initial = component.version

    def arguments(self) -> dict:
        return dict(self.cleaned_data)


class RestorationForm(CaseForm):
    prefix = "restoration"

    kind = forms.ChoiceField(
        label=_("Kind of restoration"), choices=_choices(RestorationKind.choices, _("Choose a kind"))
    )
    date = _date_field(_("Date"), required=False)
    victim_involved = forms.BooleanField(label=_("The victim was involved"), required=False)
    note = _note_field()


class CareReferralForm(CaseForm):
    prefix = "care_referral"

    kind = forms.ChoiceField(
        label=_("Kind of care"), choices=_choices(CareReferralKind.choices, _("Choose a kind"))
    )
    organisation = forms.CharField(label=_("Organisation (optional)"), required=False, max_length=200)
    date = _date_field(_("Date of the referral to care"), required=False)
    meldcode_ground = forms.BooleanField(
        label=_("Referred without consent, on a ground of the Meldcode"),
        required=False,
        help_text=_("Only when there are serious concerns about the young person's safety."),
    )
    note = _note_field()


class ConsentForm(CaseForm):
    """Recording who agreed to what: the young person, or one of the parents or carers."""

    prefix = "consent"
    YOUNG_PERSON = "young_person"

    purpose = forms.ChoiceField(
        label=_("Consent to"), choices=_choices(ConsentPurpose.choices, _("Choose a purpose"))
    )
    person = forms.ChoiceField(label=_("Given by"))
    given_on = _date_field(_("Date the consent was given"))

    uses_parents = True

    def __init__(self, *args, intervention: Intervention, **kwargs):
        super().__init__(*args, intervention=intervention, **kwargs)
        self.parents_by_key = {str(parent.uuid): parent for parent in self.known_parents}
        cast(forms.ChoiceField, self.fields["person"]).choices = [
            ("", _("Choose who gave it")),
            (self.YOUNG_PERSON, _("The young person")),
            *((key, _parent_label(parent)) for key, parent in self.parents_by_key.items()),
        ]

    def arguments(self) -> dict:
        data = dict(self.cleaned_data)
        person = data.pop("person")
        if person == self.YOUNG_PERSON:
            return {**data, "young_person": self.intervention.referral.young_person}
        return {**data, "parent": self.parents_by_key[person]}


class WithdrawConsentForm(forms.Form):
    """The day from which a consent no longer counts."""

    withdrawn_on = _date_field(_("Date of withdrawal"))

    def __init__(self, *args, consent, **kwargs):
        kwargs.setdefault("prefix", f"withdraw-{consent.uuid}")
        super().__init__(*args, **kwargs)
        self.consent = consent


class CareReportForm(CaseForm):
    prefix = "care_report"

    date = _date_field(_("Date of the care report"), required=False)
    receiving_body = forms.CharField(label=_("Reported to"), max_length=200, initial="Veilig Thuis")
    note = _note_field()


class CompleteForm(CaseForm):
    prefix = "complete"
    changes_file = True

    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect)
    end_date = _date_field(_("End date"))


class StopForm(CaseForm):
    prefix = "stop"
    changes_file = True

    reason = forms.ChoiceField(
        label=_("Reason for stopping"), choices=_choices(StopReason.choices, _("Choose a reason"))
    )
    end_date = _date_field(_("End date"))
    note = _note_field(_("Explanation (optional)"))


class NotStartedForm(CaseForm):
    prefix = "not_started"
    changes_file = True

    reason = forms.ChoiceField(
        label=_("Reason the intervention did not start"),
        choices=_choices(NotStartedReason.choices, _("Choose a reason")),
    )
    end_date = _date_field(_("End date"))
    note = _note_field(_("Explanation (optional)"))


class ReopenForm(CaseForm):
    prefix = "reopen"
    changes_file = True

    reason = forms.CharField(
        label=_("Reason for reopening"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AssignForm(CaseForm):
    prefix = "assign"
    changes_file = True

    professional = ProfessionalChoiceField(
        label=_("New Halt professional"), queryset=User.objects.none(), empty_label=_("Choose a professional")
    )

    def __init__(self, *args, intervention: Intervention, **kwargs):
        super().__init__(*args, intervention=intervention, **kwargs)
        # The region's active professionals; the service refuses anyone else anyway.
        cast(forms.ModelChoiceField, self.fields["professional"]).queryset = (
            User.objects.filter(region_id=intervention.region_id, role__in=HALT_CASE_ROLES, is_active=True)
            # Unassigned: pk=None excludes nobody, as intended; the stubs refuse None there.
            .exclude(pk=intervention.professional_id)  # type: ignore[misc]
            .order_by("first_name", "last_name", "username")
        )
