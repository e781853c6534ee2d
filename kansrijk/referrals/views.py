"""Triage pages: the region's referrals, and one referral to review, accept or reject.

Views take four steps (docs/conventions.md, habit 3): the object through the access module, the
form, one service, the response. Halt professionals of the region read a referral; only team
leads decide on it (the services check that too).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kansrijk.core.errors import DomainError

from . import selectors, services
from .access import can_see_referral_content, get_referral_for_user
from .forms import AcceptForm, ReferralListForm, RejectForm

PAGE_SIZE = 25


@require_GET
@login_required
def referral_list(request):
    user = request.user
    if not user.works_on_cases:
        raise PermissionDenied
    form = ReferralListForm(request.GET or None)
    referrals = selectors.referrals_of_region(user=user, status=form.status_filter())
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "referrals/referral_list.html", {"form": form, "page": page, "today": timezone.localdate()}
    )


@require_GET
@login_required
def referral_detail(request, uuid):
    referral = _get_referral(request.user, uuid)
    return _render_triage(request, referral)


@require_POST
@login_required
def referral_start_review(request, uuid):
    # The service writes its own audit row, so the read is not audited twice.
    referral = _get_referral(request.user, uuid, audit=False)
    _require_team_lead(request.user)
    try:
        services.referral_start_review(referral=referral, by=request.user)
    except DomainError as error:
        return _render_triage(request, referral, review_error=error.message)
    messages.success(request, _("You have taken the referral into review."))
    return redirect("referrals:detail", uuid=referral.uuid)


@require_POST
@login_required
def referral_accept(request, uuid):
    referral = _get_referral(request.user, uuid, audit=False)
    _require_team_lead(request.user)
    form = AcceptForm(request.POST, referral=referral)
    if form.is_valid():
        try:
            intervention = services.referral_accept(
                referral=referral, by=request.user, professional=form.cleaned_data["professional"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The referral has been accepted. This is the new intervention file %(reference)s.")
                % {"reference": intervention.reference},
            )
            return redirect("interventions:detail", uuid=intervention.uuid)
    return _render_triage(request, referral, accept_form=form)


@require_POST
@login_required
def referral_reject(request, uuid):
    referral = _get_referral(request.user, uuid, audit=False)
    _require_team_lead(request.user)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.referral_reject(
                referral=referral,
                by=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"].strip(),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The referral has been rejected."))
            return redirect("referrals:detail", uuid=referral.uuid)
    return _render_triage(request, referral, reject_form=form)


def _get_referral(user, uuid, *, audit: bool = True):
    # A referral's content is for Halt staff; asked before the lookup, so that nobody else
    # learns from the answer whether a referral exists.
    if not can_see_referral_content(user):
        raise PermissionDenied
    return get_referral_for_user(user, uuid, audit=audit)


def _require_team_lead(user) -> None:
    # The region was checked by the access module; deciding is for its team leads only.
    if not user.is_team_lead:
        raise PermissionDenied


def _render_triage(request, referral, *, accept_form=None, reject_form=None, review_error=None):
    triage = selectors.referral_triage(user=request.user, referral=referral)
    return render(
        request,
        "referrals/referral_detail.html",
        {
            "triage": triage,
            "referral": triage.referral,
            "may_decide": request.user.is_team_lead and triage.is_open,
            "accept_form": accept_form or AcceptForm(referral=referral),
            "reject_form": reject_form or RejectForm(),
            "review_error": review_error,
        },
    )
