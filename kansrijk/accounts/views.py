"""The second step of logging in: the authenticator app, set up at the first login.

After the password (LoginView, below) Halt staff are logged in but not verified;
SecondFactorRequiredMiddleware keeps them on these pages until a code from their app, or a
recovery code, has been accepted. Nothing here is cached: the set-up page shows a secret and
the recovery codes are shown once.
"""

from __future__ import annotations

from base64 import b32encode

import django_otp
import segno
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_otp.plugins.otp_static.models import StaticDevice

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.errors import DomainError
from kansrijk.core.navigation import url_with_next
from kansrijk.core.steps import take_step

from . import services
from .forms import (
    InvitationAcceptForm,
    InvitationForm,
    PasswordResetAcceptForm,
    SecondFactorForm,
    SecondFactorSetupForm,
)
from .policy import organisations_for_inviter
from .selectors import (
    invitations_sent_for,
    recovery_codes_left,
    user_has_totp_device,
    user_needs_second_factor,
)


class LoginView(auth_views.LoginView):
    """Django's login with our template, and the first of two steps for Halt staff.

    A right password logs the user in; staff who need a second factor then go to the two-step
    page (kansrijk/accounts/views.py), and until it accepts their code the middleware lets them
    reach nothing else. Wrong passwords are counted per username and address by axes.
    """

    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        needs_second_factor = user_needs_second_factor(user)
        audit_record(
            actor=user,
            event=Event.LOGIN_SUCCEEDED,
            subject=user,
            new={"second_factor_required": needs_second_factor},
        )
        if needs_second_factor:
            return redirect(url_with_next("accounts:second_factor", self.get_redirect_url()))
        return response


class LogoutView(auth_views.LogoutView):
    """Django's logout (the session is removed from the database), audited, and with
    Clear-Site-Data so that the browser also drops what it cached of the pages."""

    def post(self, request, *args, **kwargs):
        user = request.user if request.user.is_authenticated else None
        response = super().post(request, *args, **kwargs)
        if user is not None:
            audit_record(actor=user, event=Event.LOGGED_OUT, subject=user)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


@never_cache
@login_required
def second_factor(request):
    """Ask for the code from the app, or a recovery code."""
    user = request.user
    if not user_needs_second_factor(user) or user.is_verified():
        return redirect(_next_url(request))
    if not user_has_totp_device(user):
        return redirect(url_with_next("accounts:second_factor_setup", _next_param(request)))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.second_factor_verify(user=user, token=form.cleaned_data["code"])
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            _verified(request, device)
            if isinstance(device, StaticDevice):
                left = recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code. You have %(count)d recovery code left.",
                        "You used a recovery code. You have %(count)d recovery codes left.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(_next_url(request))
    return render(request, "accounts/second_factor.html", {"form": form, "next": _next_param(request)})


@never_cache
@login_required
def second_factor_setup(request):
    """First login: link an authenticator app, confirm it with a code, get recovery codes."""
    user = request.user
    if not user_needs_second_factor(user) or user.is_verified():
        return redirect(_next_url(request))
    if user_has_totp_device(user):
        # Replacing an app is for the functional administrator (who removes the old one):
        # otherwise a stolen password alone would be enough to link a new app.
        return redirect(url_with_next("accounts:second_factor", _next_param(request)))
    device = services.totp_device_start(user=user)
    form = SecondFactorSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.totp_device_confirm(user=user, device=device, token=form.cleaned_data["code"])
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            _verified(request, device)
            # Shown in the answer to this POST and stored nowhere else: a reload does not show
            # them again.
            return render(
                request, "accounts/recovery_codes.html", {"codes": codes, "next_url": _next_url(request)}
            )
    secret = b32encode(device.bin_key).decode()
    qr_code = segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=4, dark="#000", light="#fff", title=_("QR code for your authenticator app")
    )
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "next": _next_param(request),
            "qr_code": qr_code,
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        },
    )


@require_GET
def admin_login(request):
    """The admin has no login of its own: everyone logs in through the one two-step login.

    The admin sends here whoever it refuses. A visitor who is not logged in goes to the login
    page; a logged-in user without admin access is refused, where sending them to the login
    page (which sends logged-in users on) would go round in circles.
    """
    next_url = _next_param(request) or reverse("admin:index")
    if not request.user.is_authenticated:
        return redirect(url_with_next("login", next_url))
    if admin.site.has_permission(request):
        return redirect(next_url)
    raise PermissionDenied


def locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    """The page axes shows (AXES_LOCKOUT_CALLABLE) when a username is locked from an address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


def _verified(request, device) -> None:
    # A new session key for the raised privilege, as Django does at login.
    request.session.cycle_key()
    django_otp.login(request, device)


def _next_param(request) -> str:
    """The page asked for before logging in, if it is one of ours; else empty."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else ""


def _next_url(request) -> str:
    return _next_param(request) or resolve_url(settings.LOGIN_REDIRECT_URL)


# --- invitations of referrers ---------------------------------------------------------------


@login_required
def invitation_create(request):
    """A team lead (for the region's organisations) or administrator invites a referrer."""
    organisations = organisations_for_inviter(request.user)
    if not organisations.exists():
        raise PermissionDenied

    def page(form):
        return render(
            request,
            "accounts/invitation_create.html",
            {
                "form": form,
                "invitations": invitations_sent_for(request.user),
                "now": timezone.now(),
                "days": settings.INVITATION_DAYS,
            },
        )

    def done(created):
        invitation, _token = created
        messages.success(
            request,
            _("The invitation has been sent to %(email)s. The link is valid for %(days)d days.")
            % {"email": invitation.email, "days": settings.INVITATION_DAYS},
        )
        return redirect("invitation_create")

    if request.method != "POST":
        return page(InvitationForm(organisations=organisations))
    return take_step(
        request,
        InvitationForm(request.POST, organisations=organisations),
        lambda form: services.invitation_create(by=request.user, **form.cleaned_data),
        done=done,
        failed=page,
    )


@never_cache
def invitation_accept(request, token):
    """The link from the invitation e-mail: choose a password, once, within the valid days."""
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = InvitationAcceptForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(token=token, password=form.cleaned_data["password1"])
        except DomainError:
            return render(request, "accounts/invitation_invalid.html", status=404)
        except ValidationError as error:
            form.add_error("password1", error)
        else:
            # login() starts a new session, so nothing of whoever was logged in here carries over.
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your account is ready. You can now refer young people to Halt."))
            return redirect("portal:referrals")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})


@never_cache
def password_reset_accept(request, token):
    """The link from the administrator's e-mail: choose a new password, once, within its days.

    Nobody is logged in by it: the user logs in afterwards as always, second factor included.
    """
    reset = services.password_reset_for_token(token)
    if reset is None:
        return render(request, "accounts/password_reset_invalid.html", status=404)
    form = PasswordResetAcceptForm(request.POST or None, user=reset.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_reset_accept(token=token, password=form.cleaned_data["password1"])
        except DomainError:
            return render(request, "accounts/password_reset_invalid.html", status=404)
        except ValidationError as error:
            form.add_error("password1", error)
        else:
            messages.success(request, _("Your new password has been saved. You can log in with it now."))
            return redirect("login")
    return render(request, "accounts/password_reset_accept.html", {"form": form, "username": reset.user})
