"""Evaluation pages: the public questionnaire behind a link, the team lead's quote review, and
the printable invitation for the young person.

The questionnaire needs no login: its link's token is the access decision, and it answers the
same whoever is logged in. A link that leads nowhere, was used or has expired gets a friendly
page (404 or 410), never an error. The page shows nothing but the respondent's first name.
"""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from kansrijk.core.errors import DomainError
from kansrijk.interventions.access import get_intervention_for_user, intervention_read_record

from . import access, selectors, services
from .constants import Respondent
from .forms import EvaluationAnswerForm, QuoteReviewForm

LINK_PROBLEM_STATUS = {selectors.UNKNOWN: 404, selectors.ANSWERED: 410, selectors.EXPIRED: 410}


@never_cache
def evaluation_answer(request, uuid, token):
    link = selectors.evaluation_for_link(evaluation_uuid=uuid, token=token)
    if link.state != selectors.VALID:
        return _link_problem(request, link.state)
    evaluation = link.evaluation
    assert evaluation is not None  # a valid link has its evaluation
    form = EvaluationAnswerForm(request.POST or None, respondent=evaluation.respondent)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_answer(
                evaluation=evaluation,
                scores=form.scores,
                open_answer=form.cleaned_data["open_answer"],
                consent_to_quote=form.cleaned_data["consent_to_quote"],
            )
        except DomainError as error:
            if error.code in ("answered", "expired"):
                return _link_problem(request, error.code)
            form.add_error(None, error.message)
        else:
            return redirect("evaluations:thanks")
    return render(
        request,
        "evaluations/answer.html",
        {
            "form": form,
            "first_name": evaluation.first_name,
            "young": evaluation.respondent == Respondent.YOUNG_PERSON,
            "expires_at": evaluation.expires_at,
        },
    )


@require_GET
def evaluation_thanks(request):
    return render(request, "evaluations/thanks.html")


def _link_problem(request, state: str):
    return render(
        request, "evaluations/link_problem.html", {"state": state}, status=LINK_PROBLEM_STATUS[state]
    )


@require_GET
@login_required
def quote_list(request):
    reviewable = access.evaluations_reviewable_by(request.user)
    if not request.user.is_team_lead:
        raise Http404
    pending = [
        (evaluation, QuoteReviewForm(initial={"text": evaluation.quote_text}, prefix=str(evaluation.uuid)))
        for evaluation in selectors.quotes_to_review(reviewable)
    ]
    return render(
        request,
        "evaluations/quotes.html",
        {"pending": pending, "reviewed": selectors.quotes_reviewed(reviewable)},
    )


@require_POST
@login_required
def quote_review(request, uuid):
    evaluation = access.get_evaluation_for_reviewer(request.user, uuid)
    if "reject" in request.POST:
        try:
            services.evaluation_quote_reject(evaluation=evaluation, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The quote will not be used."))
        return redirect("evaluations:quotes")
    form = QuoteReviewForm(request.POST, prefix=str(evaluation.uuid))
    if form.is_valid():
        try:
            services.evaluation_quote_approve(
                evaluation=evaluation, by=request.user, text=form.cleaned_data["text"]
            )
        except DomainError as error:
            form.add_error("text", error.message)
        else:
            messages.success(request, _("The quote has been approved."))
            return redirect("evaluations:quotes")
    reviewable = access.evaluations_reviewable_by(request.user)
    pending = [
        (
            other,
            form
            if other.pk == evaluation.pk
            else QuoteReviewForm(initial={"text": other.quote_text}, prefix=str(other.uuid)),
        )
        for other in selectors.quotes_to_review(reviewable)
    ]
    return render(
        request,
        "evaluations/quotes.html",
        {"pending": pending, "reviewed": selectors.quotes_reviewed(reviewable)},
        status=400,
    )


@require_GET
@login_required
def evaluation_print(request, uuid, evaluation_uuid):
    """A printed invitation with a QR code, for the professional to hand to the young person.

    Every answer makes a new link (the token exists only in this answer; all links work until
    the evaluation is answered or expires). A GET nonetheless, and a plain link on the file: an
    ended file is read-only and offers no forms, and this changes nothing in it. It is not cached.
    """
    intervention = get_intervention_for_user(request.user, uuid)
    evaluation = access.printable_evaluation_for_user(request.user, intervention, evaluation_uuid)
    if evaluation.respondent != Respondent.YOUNG_PERSON:
        raise Http404
    try:
        token = services.evaluation_print_link(evaluation=evaluation, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("interventions:detail", uuid=intervention.uuid)
    url = services.evaluation_url(evaluation, token)
    # The page shows the young person's first name and the file's reference: a look at the file.
    intervention_read_record(user=request.user, intervention=intervention, care_reports=False)
    qr_code = segno.make(url, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", title=_("QR code of the link to the questionnaire")
    )
    response = render(
        request,
        "evaluations/print.html",
        {
            "qr_code": qr_code,
            "url": url,
            "first_name": evaluation.first_name,
            "expires_at": evaluation.expires_at,
            "intervention": intervention,
        },
    )
    response["Cache-Control"] = "no-store"
    return response
