"""Short text that reaches other people is plain: one line, no control characters.

Names, phone numbers, school and place names are typed by one person (a referrer, a partner
system, an administrator) and shown to others: on pages, in lists and downloads, in PDFs. A line
break or a control character there has no honest use, and lets the text pose as something else
(a second line that looks like an instruction, a link on a line of its own, text that runs
backwards). So these fields refuse it, wherever the text comes from: the model field (forms and
the admin through `full_clean`), the referral form and the API (their own fields), the
interchange import (its per-row check).

Refused: the control characters (Unicode category Cc: tab, line feed, carriage return, NUL, ...),
the line and paragraph separators (Zl, Zp), lone surrogates (Cs, which no database stores), and
the bidirectional overrides and isolates that reorder what is shown. Other format characters
stay allowed: the zero-width (non-)joiner belongs to the spelling of some names.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
# U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates).
BIDI_CONTROLS = frozenset(chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))

CONTROL_CHARACTERS_MESSAGE = _("Use plain text on one line: no line breaks or control characters.")


def has_control_characters(text: str) -> bool:
    """Whether `text` holds a character that plain one-line text has no use for."""
    return any(
        character in BIDI_CONTROLS or unicodedata.category(character) in REFUSED_CATEGORIES
        for character in text
    )


def no_control_characters(value: object) -> None:
    """Django validator: refuse line breaks and control characters (see the module docstring)."""
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")
