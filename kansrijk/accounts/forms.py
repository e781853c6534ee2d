"""The two-step login forms: they tidy what was typed; the services check the code."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from kansrijk.core.validators import no_control_characters
from kansrijk.organisations.models import ReferrerOrganisation

from .models import User

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


class InvitationForm(forms.Form):
    """A team lead or administrator invites a referrer of one of the organisations they manage."""

    # One line of plain text, as the invitation's fields (core/validators.py).
    first_name = forms.CharField(label=_("First name"), max_length=150, validators=[no_control_characters])
    last_name = forms.CharField(label=_("Last name"), max_length=150, validators=[no_control_characters])
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=ReferrerOrganisation.objects.none(), empty_label=_("Choose")
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = organisations


class NewPasswordForm(forms.Form):
    """A new password, twice, checked by Django's password validators against `candidate`."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not only digits, and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def candidate(self) -> User:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None  # Form.clean returns cleaned_data
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            try:
                password_validation.validate_password(first, user=self.candidate())
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InvitationAcceptForm(NewPasswordForm):
    """The invited referrer chooses a password."""

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def candidate(self) -> User:
        return User(
            username=self.invitation.email,
            email=self.invitation.email,
            first_name=self.invitation.first_name,
            last_name=self.invitation.last_name,
        )


class PasswordResetAcceptForm(NewPasswordForm):
    """A user chooses a new password with the link the administrator had sent."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def candidate(self) -> User:
        return self.user
