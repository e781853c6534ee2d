"""The user's own login settings: a new password, new recovery codes, their sessions.

A new password and new codes ask for the current password first, through authenticate(), so
that axes counts a wrong one like a wrong login: a session left open on somebody's desk is not
enough to take over the account, nor to guess its password without limit. Ending one's other
sessions asks for nothing: it only takes access away.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import authenticate, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import services
from .forms import ConfirmPasswordForm
from .selectors import (
    recovery_codes_left,
    sessions_active_of,
    user_has_totp_device,
    user_needs_second_factor,
)


@never_cache
@login_required
def account(request):
    user = request.user
    uses_second_factor = user_needs_second_factor(user) and user_has_totp_device(user)
    return render(
        request,
        "accounts/account.html",
        {
            "uses_second_factor": uses_second_factor,
            "codes_left": recovery_codes_left(user) if uses_second_factor else None,
        },
    )


class _PasswordChangeForm(PasswordChangeForm):
    """Django's form (old password, then the new one twice through AUTH_PASSWORD_VALIDATORS),
    with the old password checked through authenticate() so that axes counts wrong ones."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if authenticate(self.request, username=self.user.get_username(), password=old_password) is None:
            raise ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password

    def save(self, commit=True):
        services.user_password_change(user=self.user, password=self.cleaned_data["new_password1"])
        return self.user


@never_cache
@login_required
def password_change(request):
    form = _PasswordChangeForm(request.user, request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        form.save()
        # The password is part of the session's hash: without this the user would be logged out.
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Your password has been changed."))
        return redirect("account:index")
    return render(request, "accounts/password_change.html", {"form": form})


@never_cache
@login_required
def recovery_codes_renew(request):
    """New recovery codes, shown once; the old ones stop working. For users with an app set up."""
    user = request.user
    if not (user_needs_second_factor(user) and user_has_totp_device(user)):
        raise PermissionDenied
    form = ConfirmPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if (
            authenticate(request, username=user.get_username(), password=form.cleaned_data["password"])
            is None
        ):
            form.add_error("password", _("That is not your current password."))
        else:
            codes = services.recovery_codes_replace(user=user)
            # Shown in the answer to this POST only, as at the first set-up.
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "renewed": True, "next_url": reverse("account:index")},
            )
    return render(
        request, "accounts/recovery_codes_renew.html", {"form": form, "codes_left": recovery_codes_left(user)}
    )


@never_cache
@login_required
@require_GET
def sessions(request):
    """Where the user is logged in (ASVS 7.5.2): only their own sessions, this one marked."""
    return render(
        request,
        "accounts/sessions.html",
        {
            "sessions": sessions_active_of(request.user),
            "current_key": request.session.session_key,
            "uses_second_factor": user_needs_second_factor(request.user),
        },
    )


@never_cache
@login_required
@require_POST
def sessions_end_others(request):
    """Log out everywhere else: every other session of this user ends, this one stays."""
    # Without a key (which a logged-in request always has) nothing is kept: logged out everywhere.
    ended = services.sessions_end_others(user=request.user, keep=request.session.session_key or "")
    if ended:
        messages.success(
            request,
            ngettext(
                "You have been logged out of %(count)d other session.",
                "You have been logged out of %(count)d other sessions.",
                ended,
            )
            % {"count": ended},
        )
    else:
        messages.success(request, _("You were not logged in anywhere else."))
    return redirect("account:sessions")
