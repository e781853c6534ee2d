"""E-mails about referrals: to the region's team leads on a new one, to the referrer on a decision
and, where consent allows, on completion.

Each message says only that something happened and links into Kansrijk: no names, no dates of
birth, no reasons. The services call these inside their transaction; the mail goes out
after the commit (kansrijk/outbox/).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.outbox.constants import MailKind
from kansrijk.outbox.services import absolute_url, mail_enqueue

from .models import Referral


def notify_referral_submitted(referral: Referral) -> None:
    team_leads = User.objects.filter(region_id=referral.region_id, role=Role.TEAM_LEAD, is_active=True)
    mail_enqueue(
        to=team_leads.exclude(email="").values_list("email", flat=True),
        kind=MailKind.REFERRAL_SUBMITTED,
        region_id=referral.region_id,
        reference=referral.reference,
        subject=_("New referral waiting for triage"),
        template="mail/referral_submitted.txt",
        context={"reference": referral.reference, "url": absolute_url("referrals:detail", referral.uuid)},
    )


def notify_referrer(referral: Referral, *, event: str) -> None:
    """Tell the referrer that their referral was accepted, rejected or completed."""
    subjects = {
        "accepted": _("Your referral has been accepted"),
        "rejected": _("Your referral has been rejected"),
        "completed": _("The intervention of your referral has ended"),
    }
    kinds = {
        "accepted": MailKind.REFERRAL_ACCEPTED,
        "rejected": MailKind.REFERRAL_REJECTED,
        "completed": MailKind.REFERRAL_COMPLETED,
    }
    mail_enqueue(
        to=_referrer_addresses(referral),
        kind=kinds[event],
        region_id=referral.region_id,
        reference=referral.reference,
        subject=subjects[event],
        template="mail/referral_update.txt",
        context={
            "reference": referral.reference,
            "event": event,
            "url": absolute_url("portal:status", referral.uuid),
        },
    )


def _referrer_addresses(referral: Referral) -> list[str]:
    """Who referred, if still active; for a partner system's referral, the organisation's referrers."""
    referrer = referral.referred_by
    if referrer is not None and referrer.is_active and referrer.role == Role.REFERRER:
        return [referrer.email]
    if referrer is None and referral.organisation_id is not None:
        return list(
            User.objects.filter(
                organisation_id=referral.organisation_id, role=Role.REFERRER, is_active=True
            ).values_list("email", flat=True)
        )
    return []
