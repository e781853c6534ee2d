"""Triage forms: they check the input, the services check the rules."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.referrals.constants import ReferralStatus, RejectionReason
from kansrijk.referrals.selectors import professionals_for_region


class ProfessionalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.get_username()


class AcceptForm(forms.Form):
    professional = ProfessionalChoiceField(
        label=_("Assign to Halt professional"),
        queryset=User.objects.none(),
        empty_label=_("Choose a professional"),
    )

    def __init__(self, data=None, *, referral, **kwargs):
        super().__init__(data, prefix="accept", **kwargs)
        # Only the region's own active professionals: the service would refuse anyone else.
        cast(forms.ModelChoiceField, self.fields["professional"]).queryset = professionals_for_region(
            referral.region_id
        )


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason for rejection"), choices=[("", _("Choose a reason")), *RejectionReason.choices]
    )
    note = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, prefix="reject", **kwargs)


class ReferralListForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        initial="waiting",
        choices=[("waiting", _("Waiting for triage")), ("", _("All")), *ReferralStatus.choices],
    )

    def status_filter(self) -> str:
        """The chosen status; without a (valid) choice the list shows what waits for triage."""
        if not self.is_bound or "status" not in self.data:
            return "waiting"
        return self.cleaned_data.get("status", "waiting") if self.is_valid() else "waiting"
