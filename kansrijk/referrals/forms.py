"""The referral form of the referrer's pages: it checks the input, `intake.py` the rules."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.validators import no_control_characters

from .constants import Reason
from .intake import Intake, ParentContact, intake_errors

# The short fields are one line of plain text, as the models they end up in (core/validators.py).
PLAIN = (no_control_characters,)
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _yes_no(label, *, answer_required: bool = False) -> forms.ChoiceField:
    """Yes or no as two radio buttons. A required answer starts with neither chosen; whether it
    was given is one of the intake rules, so its message is the API's too."""
    return forms.ChoiceField(
        label=label,
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
        initial=None if answer_required else "no",
    )


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReferralForm(forms.Form):
    """The referral in plain language; the rules are `intake.intake_errors`, shared with the API."""

    first_name = forms.CharField(label=_("First name"), required=False, max_length=100, validators=PLAIN)
    last_name = forms.CharField(label=_("Last name"), required=False, max_length=150, validators=PLAIN)
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=_date_input(),
        error_messages={"invalid": _("Enter the date of birth as day-month-year, e.g. 14-03-2011.")},
    )
    school_class = forms.CharField(
        label=_("Class"),
        required=False,
        max_length=50,
        help_text=_("For example 2B or havo 3."),
        validators=PLAIN,
    )
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    address_area = forms.CharField(
        label=_("Postcode area or street"),
        required=False,
        max_length=100,
        help_text=_("Not the full address: the postcode (e.g. 2525) or the street is enough."),
        validators=PLAIN,
    )

    parent1_first_name = forms.CharField(
        label=_("First name"), required=False, max_length=100, validators=PLAIN
    )
    parent1_last_name = forms.CharField(
        label=_("Last name"), required=False, max_length=150, validators=PLAIN
    )
    parent1_relation = forms.CharField(
        label=_("Relation to the young person"),
        required=False,
        max_length=50,
        help_text=_("For example mother, father or carer."),
        validators=PLAIN,
    )
    parent1_phone = forms.CharField(label=_("Phone number"), required=False, max_length=32, validators=PLAIN)
    parent1_email = forms.EmailField(label=_("E-mail address"), required=False)
    parent2_first_name = forms.CharField(
        label=_("First name"), required=False, max_length=100, validators=PLAIN
    )
    parent2_last_name = forms.CharField(
        label=_("Last name"), required=False, max_length=150, validators=PLAIN
    )
    parent2_relation = forms.CharField(
        label=_("Relation to the young person"), required=False, max_length=50, validators=PLAIN
    )
    parent2_phone = forms.CharField(label=_("Phone number"), required=False, max_length=32, validators=PLAIN)
    parent2_email = forms.EmailField(label=_("E-mail address"), required=False)

    incident_date = forms.DateField(
        label=_("When did it happen?"),
        required=False,
        widget=_date_input(),
        error_messages={"invalid": _("Enter the date as day-month-year, e.g. 14-03-2026.")},
    )
    description = forms.CharField(
        label=_("What happened?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe what happened in a few sentences. Facts only, no diagnoses."),
    )
    primary_reason = forms.ChoiceField(
        label=_("Main reason"), required=False, choices=[("", _("Choose the main reason")), *Reason.choices]
    )
    other_reasons = forms.MultipleChoiceField(
        label=_("Other reasons (optional)"),
        required=False,
        choices=Reason.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    has_victim = _yes_no(_("Is there a victim?"))
    youth_informed = _yes_no(
        _("Does the young person know of this referral?"),
        answer_required=True,
    )
    parents_informed = _yes_no(
        _("Do the parents or carers know of this referral?"),
        answer_required=True,
    )
    other_care_involved = _yes_no(_("Is other care already involved?"))
    other_care_description = forms.CharField(
        label=_("Which care?"),
        required=False,
        max_length=300,
        help_text=_("For example the neighbourhood team or youth care."),
        validators=PLAIN,
    )

    # Where a rule's message from intake_errors goes on this form.
    ERROR_FIELDS = {"reasons": "primary_reason", "parents": "parent1_phone"}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        names = organisation.municipality.neighbourhoods.order_by("name").values_list("name", flat=True)
        cast(forms.ChoiceField, self.fields["neighbourhood"]).choices = [
            ("", _("Not known")),
            *((name, name) for name in names),
        ]
        if organisation.school_id:
            # A school's referrals are school interventions: the class matters, not the area.
            del self.fields["neighbourhood"]

    @property
    def is_school(self) -> bool:
        return bool(self.organisation.school_id)

    def clean(self):
        cleaned = super().clean()
        intake = self.intake()
        for name, messages in intake_errors(intake, organisation=self.organisation).items():
            target: str | None = self.ERROR_FIELDS.get(name, name)
            target = target if target in self.fields else None
            if target in self.errors:
                continue  # the field's own message (e.g. "not a date") says it already
            for message in messages:
                self.add_error(target, message)
        return cleaned

    def intake(self):
        data = self.cleaned_data
        primary = data.get("primary_reason") or ""
        reasons = ([primary] if primary else []) + [
            code for code in data.get("other_reasons", []) if code != primary
        ]
        return Intake(
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
            birth_date=data.get("birth_date"),
            school_class=data.get("school_class", ""),
            address_area=data.get("address_area", ""),
            neighbourhood=data.get("neighbourhood", ""),
            parents=[
                ParentContact(
                    first_name=data.get(f"{prefix}_first_name", ""),
                    last_name=data.get(f"{prefix}_last_name", ""),
                    relation=data.get(f"{prefix}_relation", ""),
                    phone=data.get(f"{prefix}_phone", ""),
                    email=data.get(f"{prefix}_email", ""),
                )
                for prefix in ("parent1", "parent2")
            ],
            incident_date=data.get("incident_date"),
            description=data.get("description", ""),
            reasons=reasons,
            has_victim=data.get("has_victim") == "yes",
            youth_informed=_answer(data.get("youth_informed")),
            parents_informed=_answer(data.get("parents_informed")),
            other_care_involved=data.get("other_care_involved") == "yes",
            other_care_description=data.get("other_care_description", ""),
        )


def _answer(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")
