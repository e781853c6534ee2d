"""The referrer's pages: refer a young person, and "Mijn aanmeldingen" with each referral's status.

Referrers see their own organisation's referrals through the access module, and of each only what
`selectors.ReferrerView` holds: never what the referral or the case file says (docs/process.md §3).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from kansrijk.accounts.constants import Role
from kansrijk.core.lookups import forbidden
from kansrijk.core.steps import take_step
from kansrijk.referrals.access import get_referral_for_user, referrals_visible_to
from kansrijk.referrals.constants import Reason
from kansrijk.referrals.forms import ReferralForm
from kansrijk.referrals.intake import intake_submit
from kansrijk.referrals.models import Referral

from . import selectors

PAGE_SIZE = 50


def _is_referrer(user) -> bool:
    return bool(user.is_active and user.role == Role.REFERRER and user.organisation_id)


def _require_referrer(user) -> None:
    if not _is_referrer(user):
        raise PermissionDenied


def _referral(user, uuid) -> Referral:
    """One of the organisation's referrals; anyone but a referrer is refused before the lookup
    (the refusal recorded, kansrijk/core/lookups.py)."""
    if not _is_referrer(user):
        raise forbidden(Referral, uuid, user=user)
    return get_referral_for_user(user, uuid)


@require_GET
@login_required
def referral_list(request):
    _require_referrer(request.user)
    referrals = referrals_visible_to(request.user).order_by("-referral_date", "-id")
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    views = selectors.referrer_views(referrals.filter(pk__in=[referral.pk for referral in page.object_list]))
    return render(
        request,
        "portal/referral_list.html",
        {"views": views, "page": page, "organisation": request.user.organisation},
    )


@login_required
def referral_new(request):
    _require_referrer(request.user)
    organisation = request.user.organisation

    def page(form):
        return render(
            request,
            "portal/referral_form.html",
            {"form": form, "organisation": organisation, "school_absence": Reason.SCHOOL_ABSENCE.value},
        )

    def done(referral):
        request.session["submitted_school_absence"] = Reason.SCHOOL_ABSENCE in form.intake().reasons
        return redirect("portal:submitted", uuid=referral.uuid)

    if request.method != "POST":
        return page(ReferralForm(organisation=organisation))
    form = ReferralForm(request.POST, organisation=organisation)
    # The rules' messages (IntakeInvalid, a DomainError) come back above the form.
    return take_step(
        request,
        form,
        lambda form: intake_submit(intake=form.intake(), organisation=organisation, referred_by=request.user),
        done=done,
        failed=page,
    )


@require_GET
@login_required
def referral_submitted(request, uuid):
    """The confirmation after submitting, with the referral's reference."""
    referral = _referral(request.user, uuid)
    return render(
        request,
        "portal/referral_submitted.html",
        {
            "referral": referral,
            "school_absence": request.session.pop("submitted_school_absence", False),
        },
    )


@require_GET
@login_required
def referral_status(request, uuid):
    referral = _referral(request.user, uuid)
    view = selectors.referral_for_referrer(referral=referral)
    return render(request, "portal/referral_status.html", {"view": view})
