"""The privacy officer's search form above the audit log."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.audit.events import event_label, subject_type_label

from .selectors import audit_event_kinds


class AuditSearchForm(forms.Form):
    """Every field is optional; an empty form lists the whole log, newest first."""

    actor = forms.CharField(
        label=_("User (user name)"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    event = forms.ChoiceField(label=_("Event"), required=False)
    subject_type = forms.ChoiceField(label=_("Kind of object"), required=False)
    subject = forms.CharField(
        label=_("Object (reference or id)"),
        required=False,
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        events, types = audit_event_kinds()
        # Dutch words, in the order of the words; the stored codes are the values.
        cast(forms.ChoiceField, self.fields["event"]).choices = [
            ("", _("All")),
            *sorted(((event, event_label(event)) for event in events), key=lambda choice: choice[1]),
        ]
        cast(forms.ChoiceField, self.fields["subject_type"]).choices = [
            ("", _("All")),
            *sorted(((kind, subject_type_label(kind)) for kind in types), key=lambda choice: choice[1]),
        ]

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date lies before the start date."))
        return data

    def filters(self) -> dict:
        """The cleaned filters as keyword arguments of `selectors.audit_events_search`.

        A field with an error is left out (and shown with its error); the others still apply.
        """
        self.is_valid()
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("actor", "event", "subject_type", "subject", "date_from", "date_to")
            if data.get(name)
        }
