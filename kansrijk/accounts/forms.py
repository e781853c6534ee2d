"""The two-step login forms: they tidy what was typed; the services check the code."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

# Apps and people group codes as "123 456" or "abcd-efgh": the grouping is not part of the code.
SEPARATORS = str.maketrans("", "", " -\t")


def _code_input(**attrs) -> forms.TextInput:
    return forms.TextInput(
        attrs={
            "autocomplete": "one-time-code",
            "autocapitalize": "off",
            "spellcheck": "false",
            "autofocus": True,
            **attrs,
        }
    )


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
        widget=_code_input(),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].translate(SEPARATORS).lower()


class SecondFactorSetupForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=12,
        help_text=_("The six digits the app shows for Kansrijk."),
        widget=_code_input(inputmode="numeric"),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].translate(SEPARATORS)
        if len(code) != 6 or not code.isdigit():
            raise forms.ValidationError(_("Enter the six digits the app shows."), code="format")
        return code


class ConfirmPasswordForm(forms.Form):
    """Asks for the current password again before a change to how the user logs in."""

    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
