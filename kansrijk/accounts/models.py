from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import HALT_CASE_ROLES, Role


class User(AbstractUser):
    """A person who logs in: Halt staff or a referrer (domain.md §3)."""

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
