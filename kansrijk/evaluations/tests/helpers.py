"""Evaluations built the real way: an intervention ends through its service, the e-mails go out
on commit, and the links are read from the e-mails (the only place a token exists)."""

from __future__ import annotations

import re

from django.core import mail

from kansrijk.evaluations.models import Evaluation
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.tests.factories import make_intervention

LINK = re.compile(r"https?://\S+/evaluatie/[0-9a-f-]{36}/[A-Za-z0-9_-]+/")

PARENTS = (
    {"first_name": "Marieke", "last_name": "Jansen", "relation": "mother", "email": "marieke@example.org"},
    {"first_name": "Joost", "last_name": "Jansen", "relation": "father", "email": "joost@example.org"},
    {"first_name": "Oma", "relation": "carer"},  # no e-mail address: not invited
)


def ended_intervention(django_capture_on_commit_callbacks, *, referrer, status="completed", **options):
    """An intervention referred by `referrer` (who needs an e-mail address), ended with `status`."""
    options.setdefault("young_person_data", {"first_name": "Sem", "email": "sem@example.org"})
    options.setdefault("parents", PARENTS)
    # The referrer is invited only with the consent to share feedback with them.
    options.setdefault("consents", (ConsentPurpose.SHARE_WITH_REFERRER,))
    with django_capture_on_commit_callbacks(execute=True):
        return make_intervention(status=status, referred_by=referrer, **options)


def evaluation_mails() -> list:
    """The e-mails sent so far that carry an evaluation link (not those about the referral)."""
    return [message for message in mail.outbox if LINK.search(str(message.body))]


def links_in_mail() -> dict[str, str]:
    """The evaluation link in each e-mail sent so far, by the address it went to (the last one
    wins); the other e-mails (to the referrer about the referral) are left out."""
    links = {}
    for message in mail.outbox:
        match = LINK.search(str(message.body))
        if match:
            links[message.to[0]] = match.group(0)
    return links


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def evaluation_of(intervention, respondent: str) -> Evaluation:
    return intervention.evaluations.get(respondent=respondent)


def answers(respondent: str, score: int = 4, **extra) -> dict:
    from kansrijk.evaluations.constants import questions_for

    return {**{f"q_{q.code}": str(score) for q in questions_for(respondent)}, **extra}
