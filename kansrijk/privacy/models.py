from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Audience


class PrivacyStatement(models.Model):
    """One version of the privacy statement for young people or for parents.

    Versions are never edited: a change is a new version (the admin only adds), so what a young
    person or parent was shown on a day can always be read back. The statement in force is the
    newest version whose `in_force_from` has come (selectors.py).
    """

    audience = models.CharField(_("for"), max_length=16, choices=Audience.choices)
    version = models.PositiveIntegerField(_("version"), editable=False)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text; an empty line starts a new paragraph, a line '## …' a heading.")
    )
    in_force_from = models.DateField(_("in force from"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ["audience", "-version"]
        verbose_name = _("privacy statement")
        verbose_name_plural = _("privacy statements")
        constraints = [
            models.UniqueConstraint(fields=["audience", "version"], name="privacy_statement_version"),
        ]

    def __str__(self) -> str:
        return f"{self.get_audience_display()} v{self.version}"

    def blocks(self) -> list[tuple[str, str]]:
        """The text as (kind, text) blocks: "heading" or "paragraph"."""
        blocks = []
        for chunk in self.body.replace("\r\n", "\n").split("\n\n"):
            chunk = chunk.strip()
            if chunk.startswith("## "):
                blocks.append(("heading", chunk[3:].strip()))
            elif chunk:
                blocks.append(("paragraph", chunk))
        return blocks
