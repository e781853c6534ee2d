"""Fill empty Dutch translations in locale/nl/LC_MESSAGES/django.po from a JSON dictionary.

Usage: python scripts/fill_translations.py TRANSLATIONS.json
The .po file stays the source of truth; this only fills entries that have no translation yet,
so a translator's later edits are never overwritten. Plural entries take a list of two forms.
Run `manage.py compilemessages` afterwards.
"""

import json
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def main() -> int:
    translations = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    catalog = polib.pofile(str(PO), wrapwidth=79)
    filled = 0
    for entry in catalog:
        target = translations.get(entry.msgid)
        if target is None or entry.obsolete:
            continue
        if entry.msgid_plural:
            if not any(entry.msgstr_plural.values()) or "fuzzy" in entry.flags:
                entry.msgstr_plural = {0: target[0], 1: target[1]}
                filled += 1
        elif not entry.msgstr or "fuzzy" in entry.flags:
            entry.msgstr = target
            filled += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save()
    missing = [e.msgid for e in catalog.untranslated_entries()]
    print(f"filled {filled} translations; {len(missing)} still untranslated")
    for msgid in missing:
        print("  " + msgid.replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
