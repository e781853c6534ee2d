"""Redacting other people's names from what an access export shows (AVG article 15(4)).

An access export gives a person their own data; the names of others in it (parents, victims,
Halt staff, referrers, other young people mentioned in a note) are theirs, not the requester's.
Structured fields are labelled by role where the export is built (`dossier/values.py`); free text is
passed through a `Redactor`, which replaces:

- every name known to belong to somebody else in this person's file (parents, victims, the
  users who worked on it), in any capitalisation; and
- every capitalised word or surname with its prefixes ("de Jong", "van der Berg") that is the
  first name, last name or full name of any other person Kansrijk holds: young people, parents,
  victims, users and referrer invitations.

The person's own first and last name are never redacted, also where a parent shares them. The
export tells the privacy officer to read the free text before sending it: a name Kansrijk does
not hold (a classmate who was never referred) cannot be recognised by a program.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext as _

# Dutch surname prefixes (tussenvoegsels), lowercase as they stand inside a name.
PREFIXES = (
    "van",
    "de",
    "der",
    "den",
    "het",
    "ter",
    "ten",
    "te",
    "in",
    "op",
    "'t",
    "la",
    "le",
    "du",
    "da",
    "el",
)
_CAPITALISED = re.compile(
    r"(?:(?<![\w'])(?i:" + "|".join(re.escape(p) for p in PREFIXES) + r")\s+){0,3}"
    r"(?<![\w'])[A-ZÀ-ÖØ-Þ][\w'’-]+"
)
# Names shorter than this are not looked for: they would strike out ordinary words.
MIN_LENGTH = 2


def placeholder() -> str:
    return _("[name removed]")


class Redactor:
    """Replaces other people's names in free text by a placeholder; keeps the person's own."""

    def __init__(self, *, names: Iterable[str], keep: Iterable[str]):
        self._keep = {name.casefold() for name in keep if name}
        wanted = {name.strip() for name in names if name and len(name.strip()) >= MIN_LENGTH}
        wanted = {name for name in wanted if name.casefold() not in self._keep}
        self._known = wanted
        self._pattern = _pattern(wanted)

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if self._pattern is not None:
            text = self._pattern.sub(placeholder(), text)
        return text

    def with_names_held(self, texts: Iterable[str]) -> Redactor:
        """This redactor, extended with the names of other people Kansrijk holds that occur in `texts`."""
        candidates = name_candidates(texts)
        found = names_held(candidates) if candidates else set()
        return Redactor(names=self._known | found, keep=self._keep)

    def scrub(self, value):
        """`value` with the redactor applied to every string in it (dicts and lists too)."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, dict):
            return {key: self.scrub(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.scrub(item) for item in value]
        return value


def _pattern(names: set[str]) -> re.Pattern | None:
    if not names:
        return None
    # Longest first, so that "Jan de Vries" goes as one before "Jan" alone is tried.
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def name_candidates(texts: Iterable[str]) -> set[str]:
    """The capitalised words and prefixed surnames in `texts`, as they might be stored."""
    found: set[str] = set()
    for text in texts:
        if not text:
            continue
        for match in _CAPITALISED.finditer(text):
            phrase = " ".join(match.group(0).split())
            words = phrase.split(" ")
            last = words[-1]
            found.add(last)
            for start in range(len(words) - 1):
                found.add(" ".join(words[start:]))
                # Stored with a lowercase prefix, written with a capital at a sentence's start.
                found.add(" ".join([words[start][0].lower() + words[start][1:], *words[start + 1 :]]))
    return {candidate for candidate in found if len(candidate) >= MIN_LENGTH}


def names_held(candidates: set[str]) -> set[str]:
    """Which of `candidates` are the first, last or full name of somebody Kansrijk holds."""
    from kansrijk.accounts.models import Invitation, User
    from kansrijk.people.models import Parent, Victim, YoungPerson

    wanted = sorted(candidates)
    held: set[str] = set()
    for model in (YoungPerson, Parent, User, Invitation):
        rows = model.objects.filter(Q(first_name__in=wanted) | Q(last_name__in=wanted))
        for first, last in rows.values_list("first_name", "last_name").distinct():
            held.update(name for name in (first, last) if name in candidates)
            if first in candidates and last in candidates:
                held.add(f"{first} {last}")  # one placeholder for a whole name, not two
    held.update(Victim.objects.filter(name__in=wanted).values_list("name", flat=True))
    return held
