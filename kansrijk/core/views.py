"""The front door: logging in, the start page and "My work"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from kansrijk.accounts.constants import Role
from kansrijk.accounts.selectors import user_needs_second_factor
from kansrijk.accounts.views import url_with_next
from kansrijk.audit.services import audit_record
from kansrijk.interventions import selectors as intervention_selectors
from kansrijk.referrals import selectors as referral_selectors

# A worklist is for reading at a glance: more rows than this go to the search list.
OWN_ROWS = 100
SECTION_ROWS = 10


class LoginView(auth_views.LoginView):
    """Django's login with our template, and the first of two steps for Halt staff.

    A right password logs the user in; staff who need a second factor then go to the two-step
    page (kansrijk/accounts/views.py), and until it accepts their code the middleware lets them
    reach nothing else. Wrong passwords are counted per username and address by axes.
    """

    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        needs_second_factor = user_needs_second_factor(user)
        audit_record(
            actor=user,
            event="login_succeeded",
            subject=user,
            new={"second_factor_required": needs_second_factor},
        )
        if needs_second_factor:
            return redirect(url_with_next("accounts:second_factor", self.get_redirect_url()))
        return response


class LogoutView(auth_views.LogoutView):
    """Django's logout (the session is removed from the database), audited, and with
    Clear-Site-Data so that the browser also drops what it cached of the pages."""

    def post(self, request, *args, **kwargs):
        user = request.user if request.user.is_authenticated else None
        response = super().post(request, *args, **kwargs)
        if user is not None:
            audit_record(actor=user, event="logged_out", subject=user)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


def home(request):
    """Anonymous visitors log in; Halt staff go to their work; other roles get a plain page."""
    if not request.user.is_authenticated:
        return redirect("login")
    if request.user.works_on_cases:
        return redirect("work")
    if request.user.role == Role.REFERRER and request.user.organisation_id:
        return redirect("portal:referrals")
    return render(request, "core/home.html")


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
    return render(request, "core/work.html", context)


def _list_url(**filters) -> str:
    return f"{reverse('interventions:list')}?{urlencode(filters)}"
