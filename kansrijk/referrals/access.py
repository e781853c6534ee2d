"""Who may see which referral: the one place that decides, like `interventions/access.py`.

Halt professionals and team leads see the referrals of their own region, with their content
(they triage them). Referrers see their own organisation's referrals, but only the status: a
referral describes a young person, and once it has gone to Halt the referrer has no business
reading it back beyond "where is it" (docs/process.md §3). Everyone else sees none. A missing and a
forbidden referral answer alike (404).
"""

from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.accounts.constants import HALT_CASE_ROLES, Role
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.lookups import visible_or_404

from .models import Referral


def referrals_visible_to(user) -> QuerySet[Referral]:
    """Referrals `user` may see: with content for Halt staff, status only for referrers.

    The queryset is the same for both; a page for referrers shows only the reference, dates
    and status, and asks `can_see_referral_content` before it shows more.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Referral.objects.none()
    if user.role in HALT_CASE_ROLES and user.region_id is not None:
        return Referral.objects.filter(region_id=user.region_id)
    if user.role == Role.REFERRER and user.organisation_id is not None:
        return referrals_of_organisation(user.organisation_id)
    return Referral.objects.none()


def referrals_of_organisation(organisation_id: int) -> QuerySet[Referral]:
    """An organisation's own referrals, for its referrers and its partner system (the API):
    the status of these, never their content."""
    return Referral.objects.filter(organisation_id=organisation_id)


def get_organisation_referral(organisation_id: int, referral_uuid) -> Referral:
    """One of the organisation's own referrals, else Http404 (another's and a missing one alike)."""
    # No user: the caller is a partner system, answered the status only (see visible_or_404).
    return visible_or_404(referrals_of_organisation(organisation_id), referral_uuid, user=None)


def can_see_referral_content(user) -> bool:
    """Only Halt staff of the region read what a referral says; referrers follow its status."""
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.role in HALT_CASE_ROLES
    )


def get_referral_for_user(user, referral_uuid) -> Referral:
    """The referral with this uuid if `user` may see it, else Http404.

    Finding it is no look at its content yet: what shows the content writes the audit row
    (`referral_read_record`, called by the triage page's `referral_triage`). A referrer's look
    at the status of their own organisation's referral is not case content and is not audited.
    """
    return visible_or_404(referrals_visible_to(user), referral_uuid, user=user)


def referral_read_record(*, user, referral: Referral) -> None:
    """The audit row of one look at what a referral says, by what shows it."""
    audit_record(actor=user, event=Event.REFERRAL_VIEWED, subject=referral)
