"""The privacy officer's forms for data-subject requests. Dutch labels through gettext."""

from __future__ import annotations

from typing import cast

from django import forms
from django.forms import modelform_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.people.models import Parent, YoungPerson

from .constants import Decision, Requester, RequestKind, SubjectKind
from .services import CORRECTABLE


def _date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs
    )


class PersonSearchForm(forms.Form):
    """Find the person a request is about: a name, a date of birth, or a case reference."""

    first_name = forms.CharField(label=_("First name"), required=False, max_length=100)
    last_name = forms.CharField(label=_("Last name"), required=False, max_length=150)
    birth_date = _date_field(_("Date of birth"), required=False, help_text=_("Only young people have one."))
    reference = forms.CharField(
        label=_("Reference of a referral or intervention"),
        required=False,
        max_length=32,
        help_text=_("E.g. HLT-2025-00012: finds the young person and their parents."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("autocomplete", "off")

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        if not any(data.get(name) for name in ("first_name", "last_name", "birth_date", "reference")):
            raise forms.ValidationError(_("Fill in at least one of the fields."))
        if data.get("first_name") and not (
            data.get("last_name") or data.get("birth_date") or data.get("reference")
        ):
            raise forms.ValidationError(
                _("A first name alone finds too many people: add a last name or date of birth.")
            )
        return data


class RegisterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What does the person ask for?"), choices=RequestKind.choices, widget=forms.RadioSelect
    )
    requester = forms.ChoiceField(
        label=_("Who made the request?"), choices=Requester.choices, widget=forms.RadioSelect
    )
    received_on = _date_field(_("Received on"))

    def __init__(self, *args, subject_kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate()
        if subject_kind == SubjectKind.PARENT:
            cast(forms.ChoiceField, self.fields["requester"]).choices = [
                choice for choice in Requester.choices if choice[0] != Requester.PARENT
            ]


class StepForm(forms.Form):
    """A form for one step on a request (views.STEPS); `arguments()` gives the service's keyword arguments."""

    def arguments(self) -> dict:
        return dict(self.cleaned_data)


class ExtendForm(StepForm):
    months = forms.TypedChoiceField(
        label=_("Extend by"),
        coerce=int,
        choices=[(1, _("one month")), (2, _("two months"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why the answer takes longer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("The person must be told within the first month, with this reason."),
    )


class HandleForm(StepForm):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    handled_on = _date_field(_("Answer sent on"))
    handling = forms.CharField(
        label=_("What was done, or why not"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("No names or other personal details: this register is kept after an erasure."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handled_on"].initial = timezone.localdate()


class EraseForm(StepForm):
    confirm = forms.BooleanField(
        label=_(
            "I have checked that no legal duty requires keeping these data, and I want to erase them now."
        ),
    )

    def arguments(self) -> dict:
        # The confirmation is asked for, not passed on: erasing takes no input.
        return {}


def correction_form_class(subject_kind: str) -> type[forms.ModelForm]:
    """A form of the details a correction may change, for a young person or a parent."""
    model = Parent if subject_kind == SubjectKind.PARENT else YoungPerson
    widgets: dict[str, type[forms.Widget] | forms.Widget] = {
        "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    }
    form_class = modelform_factory(model, fields=CORRECTABLE[subject_kind], widgets=widgets)
    if model is YoungPerson:
        form_class.base_fields["birth_date"].required = True
    return form_class
