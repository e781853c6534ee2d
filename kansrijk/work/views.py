"""The start page and "My work": what a user sees first after logging in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import Invitation, User
from kansrijk.interventions import selectors as intervention_selectors
from kansrijk.organisations.models import Municipality, ReferrerOrganisation, Region, School
from kansrijk.outbox.selectors import failed_messages, failure_reason
from kansrijk.referrals import selectors as referral_selectors

# A worklist is for reading at a glance: more rows than this go to the search list.
OWN_ROWS = 100
SECTION_ROWS = 10


def home(request):
    """Anonymous visitors log in; every role lands where its work is.

    Halt staff on their worklist, referrers on their referrals, the relationship manager on the
    reports, the privacy officer on the privacy requests, the functional administrator on an
    overview of what they manage. An account without a role's work gets a plain page.
    """
    user = request.user
    if not user.is_authenticated:
        return redirect("login")
    if user.works_on_cases:
        return redirect("work")
    if user.role == Role.REFERRER and user.organisation_id:
        return redirect("portal:referrals")
    if user.role == Role.RELATIONSHIP_MANAGER and user.is_active:
        return redirect("reports:factsheet")
    if user.role == Role.PRIVACY_OFFICER and user.is_active:
        return redirect("rights:list")
    if user.imports_interventions:
        return render(request, "work/admin_home.html", {"overview": admin_overview()})
    return render(request, "work/home.html")


def admin_overview() -> dict[str, Any]:
    """What the functional administrator manages, in counts: accounts per role, organisations,
    invitations waiting for an answer."""
    now = timezone.now()
    per_role = dict(
        User.objects.filter(is_active=True).values_list("role").annotate(count=Count("id")).order_by()
    )
    return {
        "roles": [(label, per_role.get(value, 0)) for value, label in Role.choices],
        "inactive": User.objects.filter(is_active=False).count(),
        "regions": Region.objects.count(),
        "municipalities": Municipality.objects.count(),
        "schools": School.objects.count(),
        "organisations": ReferrerOrganisation.objects.count(),
        "open_invitations": Invitation.objects.filter(accepted_at__isnull=True, expires_at__gt=now).count(),
    }


@dataclass
class Section:
    """One block of the worklist: the first rows, the full count and where the rest is."""

    key: str
    label: Any
    rows: list
    count: int
    more_url: str = ""


@login_required
def work(request):
    """ "My work": the user's open interventions; for team leads also triage and attention lists."""
    user = request.user
    if not user.works_on_cases:
        raise PermissionDenied
    now = timezone.now()
    own_list = (intervention_selectors.interventions_of_professional(user=user), OWN_ROWS + 1)
    attention = []
    if user.is_team_lead:
        attention = [
            (
                kind,
                label,
                intervention_selectors.interventions_needing_attention(user=user, kind=kind, now=now),
            )
            for kind, label in intervention_selectors.ATTENTION_CHOICES
        ]
    # The rows of all the lists in one query (see first_rows).
    own, *attention_rows = intervention_selectors.first_rows(
        own_list, *((interventions, SECTION_ROWS) for _kind, _label, interventions in attention)
    )
    context = {
        "own": own[:OWN_ROWS],
        "own_more_url": _list_url(professional=user.pk, status="open", sort="referral_date")
        if len(own) > OWN_ROWS
        else "",
        "today": timezone.localdate(now),
    }
    if user.is_team_lead:
        triage = referral_selectors.referrals_awaiting_triage(user=user)
        context["triage"] = Section("triage", "", list(triage[:SECTION_ROWS]), triage.count())
        context["attention"] = [
            Section(kind, label, rows, interventions.count(), _list_url(attention=kind, sort="referral_date"))
            for (kind, label, interventions), rows in zip(attention, attention_rows, strict=True)
        ]
        context["failed_mail"] = failed_messages(region_id=user.region_id).count()
    return render(request, "work/work.html", context)


FAILED_MAIL_ROWS = 200


@login_required
def failed_mail(request):
    """A team lead's list of the region's e-mails that could not be delivered: what kind of
    message, about which reference, when and why; never the address or the text."""
    user = request.user
    if not user.is_team_lead or user.region_id is None:
        raise PermissionDenied
    messages = failed_messages(region_id=user.region_id)
    rows = [(message, failure_reason(message.last_error)) for message in messages[:FAILED_MAIL_ROWS]]
    return render(request, "work/failed_mail.html", {"rows": rows, "count": messages.count()})


def _list_url(**filters) -> str:
    return f"{reverse('interventions:list')}?{urlencode(filters)}"
