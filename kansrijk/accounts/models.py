import uuid

from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.core.validators import no_control_characters

from .constants import HALT_CASE_ROLES, Role


class User(AbstractUser):
    """A person who logs in: Halt staff or a referrer (docs/process.md §3)."""

    # AbstractUser's name fields, plain (core/validators.py): a user's name is shown to others.
    first_name = models.CharField(
        _("first name"), max_length=150, blank=True, validators=[no_control_characters]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[no_control_characters]
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    region = models.ForeignKey(
        "organisations.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("region"),
        help_text=_("For Halt professionals and team leads: the region they work in."),
    )
    organisation = models.ForeignKey(
        "organisations.ReferrerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisation"),
        help_text=_("For referrers: the organisation they refer for."),
    )
    municipalities = models.ManyToManyField(
        "organisations.Municipality",
        blank=True,
        related_name="relationship_managers",
        verbose_name=_("municipalities"),
        help_text=_("For relationship managers: the municipalities they report to."),
    )
    schools = models.ManyToManyField(
        "organisations.School",
        blank=True,
        related_name="relationship_managers",
        verbose_name=_("schools"),
        help_text=_("For relationship managers: the schools they report to."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role__in=["caseworker", "team_lead"]) | models.Q(region__isnull=False),
                name="user_halt_case_role_has_region",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="referrer") | models.Q(organisation__isnull=False),
                name="user_referrer_has_organisation",
            ),
        ]

    @property
    def works_on_cases(self) -> bool:
        return self.is_active and self.role in HALT_CASE_ROLES

    @property
    def is_team_lead(self) -> bool:
        return self.is_active and self.role == Role.TEAM_LEAD

    @property
    def imports_interventions(self) -> bool:
        """Whether the web import is theirs (the navigation asks; policy.py decides)."""
        from .policy import may_import_interventions

        return may_import_interventions(self)


class Invitation(models.Model):
    """An invitation by e-mail to become a referrer of an organisation.

    The link carries a random token; only its SHA-256 hash is stored, so a copy of the database
    cannot be used to accept invitations. The link works once, and not after `expires_at`.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail"))
    first_name = models.CharField(_("first name"), max_length=150, validators=[no_control_characters])
    last_name = models.CharField(_("last name"), max_length=150, validators=[no_control_characters])
    organisation = models.ForeignKey(
        "organisations.ReferrerOrganisation",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    user = models.OneToOneField(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation",
        verbose_name=_("account"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email


class PasswordReset(models.Model):
    """An invitation by e-mail to an existing user to choose a new password.

    Sent by the functional administrator, who never sets a password for someone else. As with
    `Invitation`, only the SHA-256 hash of the link's token is stored; the link works once, and
    not after `expires_at`. The second factor still applies at the next login.
    """

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="password_resets", verbose_name=_("account")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("sent by")
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("password invitation")
        verbose_name_plural = _("password invitations")

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d}"


class RecoveryCode(models.Model):
    """One unused recovery code of a user, stored only as a salted hash (recovery_codes.py).

    The codes belong to the user's django-otp `StaticDevice`, which stays the device that was
    verified, that django-otp's throttling counts on and that the administrator's reset removes
    (with its codes). django-otp's own `StaticToken` would keep the codes as plain text, so it is
    not used. A code is deleted when it is used.
    """

    device = models.ForeignKey(
        "otp_static.StaticDevice", on_delete=models.CASCADE, related_name="recovery_codes", editable=False
    )
    code_hash = models.CharField(max_length=128, editable=False)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return str(self.pk)


class UserSession(AbstractBaseSession):
    """Django's database session, with whose it is and what its owner's sessions page shows.

    Kansrijk's session engine (accounts/sessions.py) fills these columns from the session's own
    data each time it saves it, that is on every request: they follow the session through the
    login, its new key after the second factor and the logout, and a user's sessions are one
    indexed query away (ASVS 7.5.2). Visitors who are not logged in have no user.
    """

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, null=True, blank=True, related_name="sessions"
    )
    # When the user logged in (the start of the maximum lifetime, core/middleware.py).
    started_at = models.DateTimeField(null=True, blank=True)
    last_active_at = models.DateTimeField(null=True, blank=True)
    # What the login saw of the browser: names such as "Firefox" and "Windows", never the
    # whole user-agent header; and the address, which its user sees on their sessions page.
    browser = models.CharField(max_length=40, blank=True)
    system = models.CharField(max_length=40, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    # Whether the second step of the login was passed in this session.
    second_factor = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @classmethod
    def get_session_store_class(cls):
        from .sessions import SessionStore

        return SessionStore
