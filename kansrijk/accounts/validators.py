"""A password validator for the words anyone would guess first at Halt (ASVS 5.0 V6.1.2, V6.2.11).

Django's CommonPasswordValidator knows the world's common passwords; this one knows ours: the
names of the application and the organisation, its roles and the words people type when asked
for a password. The list is documented in docs/security.md.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Lower case. Longer words count anywhere in the password; short ones only as a word of their own,
# so that "halt" refuses "Halt2026!" but not "asphalt-schildpad".
CONTEXT_WORDS = ("kansrijk", "verwijzer", "teamleider", "relatiemanager", "wachtwoord", "password", "welkom")
CONTEXT_TOKENS = ("halt", "fg")


class ContextWordsValidator:
    def validate(self, password: str, user=None) -> None:
        lowered = password.lower()
        tokens = set(re.split(r"[^a-z]+", lowered))
        if any(word in lowered for word in CONTEXT_WORDS) or tokens & set(CONTEXT_TOKENS):
            raise ValidationError(
                _("This password contains a word that is easy to guess here, such as Kansrijk or Halt."),
                code="password_context_word",
            )

    def get_help_text(self) -> str:
        return _("Your password cannot contain words such as Kansrijk, Halt or the name of a role.")
