from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint
from kansrijk.core.validators import no_control_characters

from .constants import ReferrerKind


class Region(models.Model):
    """One of Halt's regions; the unit of a team and of access for Halt staff."""

    name = models.CharField(_("name"), max_length=100, unique=True, validators=[no_control_characters])

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True, validators=[no_control_characters])
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            # The target of the composite foreign keys that keep a case's region that of its
            # municipality (PostgreSQL; interventions, referrals and evaluations migrations).
            models.UniqueConstraint(fields=["id", "region"], name="municipality_id_region"),
        ]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(models.Model):
    name = models.CharField(_("name"), max_length=100, validators=[no_control_characters])
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="neighbourhoods",
        verbose_name=_("municipality"),
    )

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="neighbourhood_unique_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality.name})"


class School(models.Model):
    brin = models.CharField(
        _("BRIN code"),
        max_length=6,
        unique=True,
        help_text=_("The school's institution code, e.g. 12AB."),
        validators=[no_control_characters],
    )
    name = models.CharField(_("name"), max_length=200, validators=[no_control_characters])
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="schools", verbose_name=_("municipality")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self) -> str:
        return f"{self.name} ({self.brin})"


class ReferrerOrganisation(models.Model):
    """An organisation whose professionals refer young people: a school, a police team, …"""

    name = models.CharField(_("name"), max_length=200, validators=[no_control_characters])
    kind = models.CharField(_("kind"), max_length=32, choices=ReferrerKind.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="referrer_organisations",
        verbose_name=_("municipality"),
    )
    school = models.OneToOneField(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrer_organisation",
        verbose_name=_("school"),
        help_text=_("For schools: the school this organisation is."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("referrer organisation")
        verbose_name_plural = _("referrer organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kind", "name"], name="referrer_organisation_unique"
            ),
            choices_constraint("referrer_organisation", "kind", ReferrerKind),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def region(self) -> Region:
        return self.municipality.region


class RegionPage(models.Model):
    """The public page of a region: what Halt's preventive intervention is and how to refer.

    Written by the functional administrator in the admin; shown without login at /regio/<slug>/.
    Plain text, paragraphs separated by an empty line.
    """

    region = models.OneToOneField(
        Region, on_delete=models.CASCADE, related_name="page", verbose_name=_("region")
    )
    slug = models.SlugField(
        _("address"), max_length=60, unique=True, help_text=_("The page is at /regio/<address>/.")
    )
    title = models.CharField(_("title"), max_length=120, validators=[no_control_characters])
    is_published = models.BooleanField(_("published"), default=True)
    introduction = models.TextField(_("introduction"))
    for_whom = models.TextField(_("for whom"))
    why = models.TextField(_("why Halt"))
    approach = models.TextField(_("what the intervention looks like"))
    parents = models.TextField(_("how parents are involved"))
    ending = models.TextField(_("how it ends"))
    how_to_refer = models.TextField(_("how to refer a young person"))
    contact_name = models.CharField(_("contact person"), max_length=120, validators=[no_control_characters])
    contact_phone = models.CharField(
        _("contact phone"), max_length=32, blank=True, validators=[no_control_characters]
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("region page")
        verbose_name_plural = _("region pages")

    def __str__(self) -> str:
        return self.title
