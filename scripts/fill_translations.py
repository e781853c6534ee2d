"""Fill empty Dutch translations in locale/nl/LC_MESSAGES/django.po from a JSON dictionary.

Usage: python scripts/fill_translations.py TRANSLATIONS.json
The .po file stays the source of truth; this only fills msgstr "" entries whose msgid is in the
dictionary, so a translator's later edits are never overwritten. Then run compilemessages.
"""

import json
import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"
ENTRY = re.compile(r'^msgid "((?:[^"\\]|\\.)*)"\nmsgstr ""\n(?!")', re.MULTILINE)


def main() -> int:
    translations = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    text = PO.read_text(encoding="utf-8")
    filled = 0

    def fill(match: re.Match) -> str:
        nonlocal filled
        msgid = match.group(1)
        target = translations.get(msgid.replace('\\"', '"'))
        if not msgid or target is None:
            return match.group(0)
        filled += 1
        escaped = target.replace("\\", "\\\\").replace('"', '\\"')
        return f'msgid "{msgid}"\nmsgstr "{escaped}"\n'

    text = ENTRY.sub(fill, text)
    # A filled entry is no longer fuzzy guesswork from makemessages.
    PO.write_text(text, encoding="utf-8")
    missing = len(re.findall(r'^msgid "(?:[^"\\]|\\.)+"\nmsgstr ""\n(?!")', text, re.MULTILINE))
    print(f"filled {filled} translations; {missing} single-line entries still untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
