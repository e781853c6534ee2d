import uuid

from django.contrib.auth.models import AbstractUser
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
