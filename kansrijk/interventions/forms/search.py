"""The search list's filters."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import HALT_CASE_ROLES
from kansrijk.accounts.models import User
from kansrijk.core.dates import SchoolYear
from kansrijk.organisations.models import Municipality, School
from kansrijk.referrals.constants import Reason

from ..constants import (
    InterventionType,
    Status,
)
from ..selectors import ATTENTION_CHOICES, SORT_CHOICES

# How many school years back the search offers; older files are rare and retention removes them.
SCHOOL_YEARS_OFFERED = 10


class ProfessionalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.get_username()


class InterventionSearchForm(forms.Form):
    """The GET form above the search list. Every field is optional; an empty form lists all."""

    q = forms.CharField(
        label=_("Search by name or reference"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("open", _("Open")), ("ended", _("Ended")), *Status.choices],
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All")), *InterventionType.choices]
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), required=False, queryset=Municipality.objects.none(), empty_label=_("All")
    )
    school = forms.ModelChoiceField(
        label=_("School"), required=False, queryset=School.objects.none(), empty_label=_("All")
    )
    professional = ProfessionalChoiceField(
        label=_("Halt professional"), required=False, queryset=User.objects.none(), empty_label=_("All")
    )
    primary_reason = forms.ChoiceField(
        label=_("Primary reason"), required=False, choices=[("", _("All")), *Reason.choices]
    )
    school_year = forms.ChoiceField(label=_("School year"), required=False)
    attention = forms.ChoiceField(
        label=_("Needs attention"), required=False, choices=[("", _("No filter")), *ATTENTION_CHOICES]
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the user's own region is offered: other regions' schools are no concern of theirs.
        # Without a region, region_id=None means IS NULL, as intended; the stubs refuse None there.
        region_id = user.region_id
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = Municipality.objects.filter(
            region_id=region_id  # type: ignore[misc]
        )
        cast(forms.ModelChoiceField, self.fields["school"]).queryset = School.objects.filter(
            municipality__region_id=region_id  # type: ignore[misc]
        )
        cast(forms.ModelChoiceField, self.fields["professional"]).queryset = User.objects.filter(
            region_id=region_id,  # type: ignore[misc]
            role__in=HALT_CASE_ROLES,
        ).order_by("first_name", "last_name", "username")
        current = SchoolYear.containing(timezone.localdate())
        years = [SchoolYear(current.start_year - offset) for offset in range(SCHOOL_YEARS_OFFERED)]
        cast(forms.ChoiceField, self.fields["school_year"]).choices = [
            ("", _("All")),
            *((str(year), str(year)) for year in years),
        ]

    def clean_school_year(self) -> SchoolYear | None:
        value = self.cleaned_data["school_year"]
        return SchoolYear.parse(value) if value else None

    def filters(self) -> dict:
        """The cleaned filters as keyword arguments of `selectors.interventions_search`.

        A field with an error (a school of another region typed into the address) is left out
        and shown with its error; the other filters still apply.
        """
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": data.get("q", ""),
            "status": data.get("status", ""),
            "type": data.get("type", ""),
            "municipality": data.get("municipality"),
            "school": data.get("school"),
            "professional": data.get("professional"),
            "primary_reason": data.get("primary_reason", ""),
            "school_year": data.get("school_year"),
            "attention": data.get("attention", ""),
            "sort": data.get("sort", ""),
        }
