import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScopeKind(models.TextChoices):
    ALL = "all", _("All regions")
    REGION = "region", _("Region")
    MUNICIPALITY = "municipality", _("Municipality")
    SCHOOL = "school", _("School")


class PublishedEdition(models.Model):
    """A factsheet as it was published: its exact figures and its PDF, frozen.

    Nothing here points at a case or a person in a case: the figures are aggregates and the
    PDF shows them with small numbers suppressed. So an edition survives the retention of
    personal data unchanged, and the PDF stays byte for byte what was sent out.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    period = models.CharField(_("school year"), max_length=9, help_text=_("E.g. 2024-2025."))
    scope_kind = models.CharField(_("scope"), max_length=16, choices=ScopeKind.choices)
    region = models.ForeignKey(
        "organisations.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    school = models.ForeignKey(
        "organisations.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("school"),
    )
    # The scope as it was named when published: a later renaming does not rewrite history.
    scope_label = models.CharField(_("scope name"), max_length=250, blank=True)
    figures = models.JSONField(_("figures"), help_text=_("The exact figures, as the JSON format has them."))
    pdf = models.BinaryField(_("PDF"))
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    published_at = models.DateTimeField(_("published at"))
    # A staff account, not a person in a case; the name stays when the account is removed.
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_by_name = models.CharField(_("published by (name)"), max_length=150)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("published factsheet")
        verbose_name_plural = _("published factsheets")
        permissions = [
            ("view_all_factsheets", _("Can see the factsheets of every region, and of all regions together")),
            ("view_exact_figures", _("Can see the exact figures of a factsheet, small numbers included")),
        ]
        indexes = [models.Index(fields=["period", "scope_kind"], name="edition_period_scope")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        scope_kind="all", region__isnull=True, municipality__isnull=True, school__isnull=True
                    )
                    | models.Q(
                        scope_kind="region",
                        region__isnull=False,
                        municipality__isnull=True,
                        school__isnull=True,
                    )
                    | models.Q(
                        scope_kind="municipality",
                        region__isnull=True,
                        municipality__isnull=False,
                        school__isnull=True,
                    )
                    | models.Q(
                        scope_kind="school",
                        region__isnull=True,
                        municipality__isnull=True,
                        school__isnull=False,
                    )
                ),
                name="edition_scope_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.scope_label or self.get_scope_kind_display()}"
