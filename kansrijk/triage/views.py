"""Triage pages: the region's referrals, and one referral to review, accept or reject.

Views take four steps (docs/conventions.md, habit 3): the object through the access module, the
form, one service, the response. Halt professionals of the region read a referral; who decides on
it is the referral's workflow table (kansrijk/referrals/workflow.py).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kansrijk.core.lookups import forbidden
from kansrijk.core.steps import take_step
from kansrijk.interventions.services import intervention_open
from kansrijk.referrals import selectors as referral_selectors
from kansrijk.referrals import services
from kansrijk.referrals.access import can_see_referral_content, get_referral_for_user
from kansrijk.referrals.models import Referral
from kansrijk.referrals.workflow import REFERRAL_WORKFLOW

from . import selectors
from .forms import AcceptForm, ReferralListForm, RejectForm

PAGE_SIZE = 25


@require_GET
@login_required
def referral_list(request):
    user = request.user
    if not user.works_on_cases:
        raise PermissionDenied
    form = ReferralListForm(request.GET or None)
    referrals = referral_selectors.referrals_of_region(user=user, status=form.status_filter())
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "triage/referral_list.html", {"form": form, "page": page, "today": timezone.localdate()}
    )


@require_GET
@login_required
def referral_detail(request, uuid):
    referral = _get_referral(request.user, uuid)
    return _render_triage(request, referral)


@require_POST
@login_required
def referral_start_review(request, uuid):
    # The service writes the step's audit row; a page with the referral writes the read's.
    referral = _get_referral(request.user, uuid)
    _require_entitled(request.user, referral, "start_review")
    # Nothing to fill in: an empty form, which carries the service's refusal.
    return take_step(
        request,
        forms.Form(request.POST),
        lambda _form: services.referral_start_review(referral=referral, by=request.user),
        done=lambda _result: _back(request, referral, _("You have taken the referral into review.")),
        failed=lambda form: _render_triage(request, referral, review_error=form.non_field_errors()[0]),
    )


@require_POST
@login_required
def referral_accept(request, uuid):
    referral = _get_referral(request.user, uuid)
    _require_entitled(request.user, referral, "accept")

    def done(intervention):
        messages.success(
            request,
            _("The referral has been accepted. This is the new intervention file %(reference)s.")
            % {"reference": intervention.reference},
        )
        return redirect("interventions:detail", uuid=intervention.uuid)

    return take_step(
        request,
        AcceptForm(request.POST, referral=referral),
        lambda form: intervention_open(
            referral=referral, by=request.user, professional=form.cleaned_data["professional"]
        ),
        done=done,
        failed=lambda form: _render_triage(request, referral, accept_form=form),
    )


@require_POST
@login_required
def referral_reject(request, uuid):
    referral = _get_referral(request.user, uuid)
    _require_entitled(request.user, referral, "reject")
    return take_step(
        request,
        RejectForm(request.POST),
        lambda form: services.referral_reject(
            referral=referral,
            by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"].strip(),
        ),
        done=lambda _result: _back(request, referral, _("The referral has been rejected.")),
        failed=lambda form: _render_triage(request, referral, reject_form=form),
    )


def _back(request, referral, message: str):
    messages.success(request, message)
    return redirect("referrals:detail", uuid=referral.uuid)


def _get_referral(user, uuid) -> Referral:
    # A referral's content is for Halt staff; asked before the lookup, so that nobody else
    # learns from the answer whether a referral exists (the refusal is recorded all the same).
    if not can_see_referral_content(user):
        raise forbidden(Referral, uuid, user=user)
    return get_referral_for_user(user, uuid)


def _require_entitled(user, referral, action: str) -> None:
    # Somebody who may never take the step gets 403; one who may, but not in this state,
    # gets the service's refusal on the page.
    if not REFERRAL_WORKFLOW.entitled(user, referral, action):
        raise forbidden(Referral, referral.uuid, user=user)


def _render_triage(request, referral, *, accept_form=None, reject_form=None, review_error=None):
    # Building the triage page writes the audit row of the read (selectors.referral_triage).
    triage = selectors.referral_triage(user=request.user, referral=referral)
    return render(
        request,
        "triage/referral_detail.html",
        {
            "triage": triage,
            "referral": triage.referral,
            "may_decide": REFERRAL_WORKFLOW.allows(request.user, triage.referral, "accept"),
            "accept_form": accept_form or AcceptForm(referral=referral),
            "reject_form": reject_form or RejectForm(),
            "review_error": review_error,
        },
    )
