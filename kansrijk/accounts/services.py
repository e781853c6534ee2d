"""Changes to how a user logs in: the authenticator app, recovery codes, failed attempts, and
what the functional administrator may do about them (reset the second factor, invite a user to
choose a new password; never set either for someone else).

Each service writes its audit row. A wrong code is a DomainError, raised only after the
transaction that counted the failure (django-otp's throttling) and audited it has committed:
rolling those back would give an attacker unlimited, unrecorded guesses.
"""

from __future__ import annotations

import datetime as dt
import math

from django.conf import settings
from django.contrib.auth import password_validation
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.errors import DomainError
from kansrijk.core.tokens import new_token, token_hash
from kansrijk.organisations.models import ReferrerOrganisation
from kansrijk.outbox.constants import MailKind
from kansrijk.outbox.services import absolute_url, mail_enqueue

from .constants import Role
from .models import Invitation, PasswordReset, RecoveryCode, User, UserSession
from .policy import may_invite_for
from .recovery_codes import recovery_code_hash, recovery_code_matches, recovery_code_new
from .selectors import sessions_active_of

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
# A link to choose a new password: short, as it stands in for the password until used.
PASSWORD_RESET_DAYS = 2


def totp_device_start(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator-app device being set up, with a new random secret.

    Reloading the set-up page keeps the same secret, so a code from an app that already scanned
    it still works.
    """
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise DomainError(_("An authenticator app has already been set up."), code="already_set_up")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


def totp_device_confirm(*, user: User, device: TOTPDevice, token: str) -> list[str]:
    """Confirm the app with a code it shows; returns new recovery codes, to be shown once."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if device.confirmed:
            raise DomainError(_("An authenticator app has already been set up."), code="already_set_up")
        allowed, throttle = device.verify_is_allowed()
        verified = allowed and device.verify_token(token)
        if verified:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            # Set-ups abandoned halfway leave unconfirmed devices with secrets: none may stay.
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            codes = _recovery_codes_replace(user)
            audit_record(actor=user, event=Event.SECOND_FACTOR_SET_UP, subject=user)
        else:
            audit_record(actor=user, event=Event.SECOND_FACTOR_FAILED, subject=user, new={"step": "set_up"})
    if not allowed:
        raise _too_many_attempts(throttle)
    if not verified:
        raise DomainError(_("That code is not right. Enter the code the app shows now."), code="wrong_code")
    return codes


def recovery_codes_replace(*, user: User) -> list[str]:
    """New recovery codes for a user with a confirmed app; the old ones stop working."""
    with transaction.atomic():
        codes = _recovery_codes_replace(user)
        audit_record(actor=user, event=Event.RECOVERY_CODES_REPLACED, subject=user)
    return codes


def user_password_change(*, user: User, password: str) -> None:
    """Set a new password the form has checked (Django's validators); the old one stops working.

    The audit row says that it happened, never what the password is.
    """
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        audit_record(actor=user, event=Event.PASSWORD_CHANGED, subject=user)


def sessions_end_others(*, user: User, keep: str) -> int:
    """Log `user` out everywhere but in the session with the key `keep` (ASVS 7.5.2).

    The other sessions are deleted, so their next request finds none and goes to the login
    page. Returns how many of them were active (the number the sessions page showed); expired
    ones go too. Only the user's own sessions can be named: the query is by user.
    """
    with transaction.atomic():
        active = sum(1 for session in sessions_active_of(user) if session.session_key != keep)
        UserSession.objects.filter(user=user).exclude(session_key=keep).delete()
        audit_record(
            actor=user, event=Event.OTHER_SESSIONS_ENDED, subject=user, new={"sessions_ended": active}
        )
    return active


def second_factor_verify(*, user: User, token: str) -> Device:
    """The device that accepts `token`: a code from the app or an unused recovery code.

    A recovery code is used up by this call. Six digits go to the app, anything else to the
    recovery codes, so that a recovery code never counts as a wrong app code (and the reverse)
    in django-otp's throttling.
    """
    device_type = TOTPDevice if len(token) == 6 and token.isdigit() else StaticDevice
    throttled: dict | None = None
    verified = None
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if not isinstance(device, device_type):
                continue
            allowed, throttle = device.verify_is_allowed()
            if not allowed:
                throttled = throttle or {}
            elif _token_verify(device, token):
                verified = device
                break
        if verified is None:
            audit_record(actor=user, event=Event.SECOND_FACTOR_FAILED, subject=user, new={"step": "log_in"})
        elif isinstance(verified, StaticDevice):
            audit_record(actor=user, event=Event.RECOVERY_CODE_USED, subject=user)
        else:
            audit_record(actor=user, event=Event.SECOND_FACTOR_VERIFIED, subject=user)
    if verified is None:
        if throttled is not None:
            raise _too_many_attempts(throttled)
        raise DomainError(_("That code is not right."), code="wrong_code")
    return verified


def login_failure_record(*, username: str | None, locked_out: bool) -> None:
    """Audit a refused password login. The password is never recorded.

    Against the account when the username exists. For a username nobody has there is no
    subject, and the name itself is left out: people type passwords into the username field,
    and this log is kept for years and cannot be edited. Axes keeps the name for the lockout,
    in a table whose rows expire.
    """
    user = User.objects.filter(username=username).first() if username else None
    audit_record(actor=None, event=Event.LOGIN_FAILED, subject=user, new={"locked_out": locked_out})


def _token_verify(device: Device, token: str) -> bool:
    if isinstance(device, StaticDevice):
        return _recovery_code_use(device, token)
    return device.verify_token(token)


def _recovery_code_use(device: StaticDevice, code: str) -> bool:
    """What django-otp's `StaticDevice.verify_token` does, against the hashes of the codes: the
    matching code is deleted, so it works once; a miss counts towards the device's throttle.

    The device row is locked (devices_for_user with for_verify), so two requests cannot both use
    one code.
    """
    match = next(
        (row for row in device.recovery_codes.order_by("pk") if recovery_code_matches(code, row.code_hash)),
        None,
    )
    if match is None:
        device.throttle_increment()
        return False
    match.delete()
    device.throttle_reset(commit=False)
    device.set_last_used_timestamp(commit=False)
    device.save()
    return True


def _recovery_codes_replace(user: User) -> list[str]:
    """New codes for the user, stored as hashes only; the codes themselves are returned once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes: list[str] = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = recovery_code_new()
        if code not in codes:
            codes.append(code)
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(device=device, code_hash=recovery_code_hash(code)) for code in codes]
    )
    return codes


def _too_many_attempts(throttle: dict | None) -> DomainError:
    """The wait django-otp imposes after wrong codes (it doubles with each), said as it is."""
    locked_until = (throttle or {}).get("locked_until")
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds())) if locked_until else 60
    if seconds < 90:
        wait = ngettext("Wait %(count)d second", "Wait %(count)d seconds", seconds) % {"count": seconds}
    else:
        minutes = math.ceil(seconds / 60)
        wait = ngettext("Wait %(count)d minute", "Wait %(count)d minutes", minutes) % {"count": minutes}
    return DomainError(
        _("Too many wrong codes in a row. %(wait)s, then enter the code the app shows.") % {"wait": wait},
        code="throttled",
    )


# --- invitations of referrers ---------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *, email: str, first_name: str, last_name: str, organisation: ReferrerOrganisation, by: User
) -> tuple[Invitation, str]:
    """Invite a person to become a referrer of `organisation`; returns the invitation and its token.

    A team lead invites for the organisations of their own region, a functional administrator
    for any. The token goes out in the e-mail (after the commit) and is stored only as a hash.
    """
    if not may_invite_for(by, organisation):
        raise DomainError(
            _("You may only invite referrers for organisations in your region."), code="forbidden"
        )
    email = User.objects.normalize_email(email.strip()).lower()
    if not email:
        raise DomainError(_("Enter the e-mail address."), code="email_required")
    if User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
        raise DomainError(_("There is already an account with this e-mail address."), code="account_exists")
    token = new_token()
    invitation = Invitation.objects.create(
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        organisation=organisation,
        token_hash=token_hash(token),
        invited_by=by,
        expires_at=timezone.now() + dt.timedelta(days=settings.INVITATION_DAYS),
    )
    audit_record(
        actor=by, event=Event.INVITATION_SENT, subject=invitation, new={"organisation": organisation.pk}
    )
    mail_enqueue(
        to=[email],
        kind=MailKind.INVITATION,
        region_id=organisation.municipality.region_id,
        subject=_("Your invitation to Kansrijk"),
        template="mail/invitation.txt",
        context={
            "url": absolute_url("invitation_accept", token),
            "organisation": organisation.name,
            "days": settings.INVITATION_DAYS,
        },
    )
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation behind `token`: not yet used and not expired; else None."""
    return (
        Invitation.objects.select_related("organisation")
        .filter(
            token_hash=token_hash(token or ""),
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, password: str) -> User:
    """Create the referrer's account with the chosen password; the link is used up.

    The password must pass Django's password validators (settings.AUTH_PASSWORD_VALIDATORS).
    """
    invitation = invitation_for_token(token)
    if invitation is not None:
        # Under a row lock, so that two tabs cannot both use one link.
        invitation = Invitation.objects.select_for_update().filter(pk=invitation.pk, accepted_at=None).first()
    if invitation is None:
        raise DomainError(_("This invitation link is no longer valid."), code="invalid_invitation")
    user = User(
        username=invitation.email,
        email=invitation.email,
        first_name=invitation.first_name,
        last_name=invitation.last_name,
        role=Role.REFERRER,
        organisation=invitation.organisation,
    )
    password_validation.validate_password(password, user=user)
    user.set_password(password)
    user.save()
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    audit_record(actor=user, event=Event.INVITATION_ACCEPTED, subject=invitation)
    return user


# --- what the functional administrator does about someone else's login ----------------------


def _require_may_manage_login_of(by: User, user: User) -> None:
    """The administrator resets others' logins, not their own (the account page does that, with
    the current password) and, unless an operator (superuser), not an operator's."""
    if by.pk == user.pk:
        raise DomainError(_("You cannot do this for your own account."), code="own_account")
    if user.is_superuser and not by.is_superuser:
        raise DomainError(_("Only an operator can do this for an operator's account."), code="forbidden")


@transaction.atomic
def second_factor_reset(*, user: User, by: User) -> int:
    """Remove the user's authenticator app and recovery codes; returns how many devices went.

    At the next login the user links a new app (the set-up page asks for one when there is
    none), with the password alone: who asks for this is confirmed by procedure (docs/security.md).
    """
    _require_may_manage_login_of(by, user)
    removed = TOTPDevice.objects.filter(user=user).count() + StaticDevice.objects.filter(user=user).count()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_record(actor=by, event=Event.SECOND_FACTOR_RESET, subject=user, new={"devices_removed": removed})
    return removed


@transaction.atomic
def password_reset_send(*, user: User, by: User) -> tuple[PasswordReset, str]:
    """E-mail the user a link to choose a new password; returns the row and the link's token.

    The password stays as it is until the link is used; earlier links stop working.
    """
    _require_may_manage_login_of(by, user)
    if not user.email:
        raise DomainError(_("This account has no e-mail address."), code="email_required")
    if not user.is_active:
        raise DomainError(_("This account is not active."), code="inactive")
    PasswordReset.objects.filter(user=user, used_at__isnull=True).update(expires_at=timezone.now())
    token = new_token()
    reset = PasswordReset.objects.create(
        user=user,
        token_hash=token_hash(token),
        sent_by=by,
        expires_at=timezone.now() + dt.timedelta(days=PASSWORD_RESET_DAYS),
    )
    audit_record(actor=by, event=Event.PASSWORD_RESET_SENT, subject=user)
    mail_enqueue(
        to=[user.email],
        kind=MailKind.PASSWORD_RESET,
        region_id=user.region_id,
        subject=_("Choose a new password for Kansrijk"),
        template="mail/password_reset.txt",
        context={
            "url": absolute_url("password_reset_accept", token),
            "username": user.get_username(),
            "days": PASSWORD_RESET_DAYS,
        },
    )
    return reset, token


def password_reset_for_token(token: str) -> PasswordReset | None:
    """The open password invitation behind `token`: unused, unexpired, of an active user."""
    return (
        PasswordReset.objects.select_related("user")
        .filter(
            token_hash=token_hash(token or ""),
            used_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )


@transaction.atomic
def password_reset_accept(*, token: str, password: str) -> User:
    """Set the password the user chose with the link; the link is used up.

    The password must pass Django's password validators. Setting it ends the user's other
    sessions (Django's session hash).
    """
    reset = password_reset_for_token(token)
    if reset is not None:
        # Under a row lock, so that two tabs cannot both use one link.
        reset = PasswordReset.objects.select_for_update().filter(pk=reset.pk, used_at=None).first()
    if reset is None:
        raise DomainError(_("This link is no longer valid."), code="invalid_link")
    user = reset.user
    password_validation.validate_password(password, user=user)
    user.set_password(password)
    user.save(update_fields=["password"])
    reset.used_at = timezone.now()
    reset.save(update_fields=["used_at"])
    audit_record(actor=user, event=Event.PASSWORD_RESET_USED, subject=user)
    return user
