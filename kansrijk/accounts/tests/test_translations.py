"""The two-step login's Dutch texts are complete, and the compiled catalog is the current one.

CI's msgfmt check covers locale/ only; this app carries its own catalog beside it.
"""

from pathlib import Path

import polib

CATALOG = Path(__file__).resolve().parents[1] / "locale" / "nl" / "LC_MESSAGES"


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
