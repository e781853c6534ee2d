"""Kansrijk speaks Dutch: every text has a Dutch translation, and the compiled catalog is current.

A new English source string without its Dutch translation fails here, naming the string, so
the interface never silently shows English to a Dutch professional.
"""

from pathlib import Path

import polib  # type: ignore[import-untyped]  # no types-polib among the dev requirements
from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"


def _texts(entries) -> set:
    return {
        (e.msgid, e.msgstr, tuple(sorted((int(k), v) for k, v in e.msgstr_plural.items()))) for e in entries
    }


def test_every_text_has_a_dutch_translation():
    source = polib.pofile(str(CATALOG / "django.po"))
    assert [entry.msgid for entry in source.untranslated_entries()] == []
    assert [entry.msgid for entry in source.fuzzy_entries()] == []


def test_the_compiled_catalog_matches_its_source():
    source = polib.pofile(str(CATALOG / "django.po"))
    compiled = polib.mofile(str(CATALOG / "django.mo"))
    assert _texts(e for e in compiled if e.msgid) == _texts(source.translated_entries())


def test_the_catalog_covers_the_source_code():
    """Every msgid in the catalog still occurs in the code (no stale texts left after edits)."""
    source = polib.pofile(str(CATALOG / "django.po"))
    assert [entry.msgid for entry in source.obsolete_entries()] == []
