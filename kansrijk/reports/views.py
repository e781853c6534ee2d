"""The reports pages: the factsheet in four formats, publishing it, and the management dashboard.

Every view takes its scope or edition through access.py, so a scope a user may not see answers
404 like one that does not exist. The query string names the scope by its kind and name (or
BRIN code): ?periode=2024-2025&scope=gemeente&naam=Delft, ?periode=2024-2025&scope=school&brin=12AB.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kansrijk.core.dates import SchoolYear
from kansrijk.core.steps import take_step

from . import access, selectors, services
from . import dashboard as dashboard_figures
from .charts import reasons_chart
from .factsheet import compute_factsheet, factsheet_document, relabelled
from .published import FactsheetFigures, differences, suppressed_document
from .render import factsheet_context, factsheet_csv, factsheet_pdf, figures_stamp, filename
from .scope import Scope

# The scope kinds as they appear in the query string (Dutch, like the paths).
KIND_BY_PARAM = {"alles": "all", "regio": "region", "gemeente": "municipality", "school": "school"}
PARAM_BY_KIND = {kind: param for param, kind in KIND_BY_PARAM.items()}
PERIODS_SHOWN = 10


def default_period() -> SchoolYear:
    """The last complete school year: the one a factsheet is normally made for."""
    return SchoolYear.containing(timezone.localdate()).previous


def _period(data) -> SchoolYear:
    text = data.get("periode")
    if not text:
        return default_period()
    try:
        return SchoolYear.parse(text)
    except ValueError:
        raise Http404 from None


def _scope(user, data) -> Scope:
    kind = KIND_BY_PARAM.get(data.get("scope", ""))
    if kind is None:
        raise Http404
    key = data.get("brin", "") if kind == "school" else data.get("naam", "")
    return access.get_factsheet_scope_for_user(user, kind=kind, key=key)


def scope_params(period: SchoolYear, scope: Scope) -> dict[str, str]:
    params = {"periode": str(period), "scope": PARAM_BY_KIND[scope.kind]}
    if scope.kind == "school":
        params["brin"] = scope.name
    elif scope.kind != "all":
        params["naam"] = scope.name
    return params


def factsheet_url(period: SchoolYear, scope: Scope, name: str = "reports:factsheet") -> str:
    return f"{reverse(name)}?{urlencode(scope_params(period, scope))}"


def _first_scope(user) -> Scope:
    visible = access.factsheet_scopes_for(user)
    if visible.all:
        return Scope.all()
    for rows in (visible.regions, visible.municipalities, visible.schools):
        place = rows.first()
        if place is not None:
            return Scope.of(place)
    raise Http404


def _scope_choices(user) -> list[tuple[str, list[tuple[str, str]]]]:
    """The scopes for the picker, grouped, as "kind:name" values (the view turns them into the
    canonical query string)."""
    visible = access.factsheet_scopes_for(user)
    groups = []
    if visible.all:
        groups.append((_("Everything"), [("alles:", _("All regions"))]))
    regions = [(f"regio:{r.name}", r.name) for r in visible.regions.order_by("name")]
    municipalities = [(f"gemeente:{m.name}", m.name) for m in visible.municipalities.order_by("name")]
    schools = [(f"school:{s.brin}", f"{s.name} ({s.brin})") for s in visible.schools.order_by("name", "brin")]
    for label, options in (
        (_("Regions"), regions),
        (_("Municipalities"), municipalities),
        (_("Schools"), schools),
    ):
        if options:
            groups.append((label, options))
    return groups


@require_GET
@login_required
def reports_index(request):
    return redirect("reports:factsheet")


@require_GET
@login_required
def factsheet_page(request):
    user = request.user
    if "keuze" in request.GET:
        # The picker sends one "kind:name" value; answer with the canonical address.
        param, _sep, key = request.GET["keuze"].partition(":")
        kind = KIND_BY_PARAM.get(param)
        if kind is None:
            raise Http404
        scope = access.get_factsheet_scope_for_user(user, kind=kind, key=key)
        return redirect(factsheet_url(_period(request.GET), scope))
    if "scope" not in request.GET:
        return redirect(factsheet_url(_period(request.GET), _first_scope(user)))

    period, scope = _period(request.GET), _scope(user, request.GET)
    # Computed once, in the published language (an edition's labels are Dutch), and shown with
    # the reason labels of the user's language.
    dutch = factsheet_document(period=period, scope=scope, language="nl")
    document = relabelled(dutch, language=translation.get_language())
    editions = list(selectors.editions_of(period=period, scope=scope))
    latest = editions[0] if editions else None
    context = factsheet_context(
        document=document,
        scope=scope,
        contact=selectors.relationship_manager_for(scope=scope),
        for_print=False,
        stamp=figures_stamp(),
        chart_url=factsheet_url(period, scope, "reports:factsheet_chart"),
        dashboard_allowed=access.dashboard_regions_for(user).exists(),
        period=period,
        periods=selectors.school_years_with_data(shown=PERIODS_SHOWN, selected=period),
        scope_choices=_scope_choices(user),
        scope_choice=f"{PARAM_BY_KIND[scope.kind]}:{scope.name if scope.kind != 'all' else ''}",
        params=scope_params(period, scope),
        links={
            "pdf": factsheet_url(period, scope, "reports:factsheet_pdf"),
            "csv": factsheet_url(period, scope, "reports:factsheet_csv"),
            "json": factsheet_url(period, scope, "reports:factsheet_json"),
        },
        can_publish=access.can_publish(user, scope),
        year_ended=period.last_day < timezone.localdate(),
        exact_figures=access.sees_exact_figures(user),
        editions=editions,
        latest_edition=latest,
        differences=_differences(latest, dutch),
    )
    return render(request, "reports/factsheet.html", context)


def _differences(edition, dutch: dict) -> list:
    """Where today's figures differ from the edition's, labelled in the user's language."""
    if edition is None:
        return []
    language = translation.get_language()
    return differences(relabelled(edition.figures, language=language), relabelled(dutch, language=language))


@require_GET
@login_required
def factsheet_download(request, fmt: str):
    period, scope = _period(request.GET), _scope(request.user, request.GET)
    if fmt == "json":
        # The exact figures for holders of the permission; for everyone else suppressed as the
        # published formats are (docs/factsheet.md §5).
        document = factsheet_document(period=period, scope=scope)
        if not access.sees_exact_figures(request.user):
            document = suppressed_document(document)
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
    elif fmt == "csv":
        with translation.override("nl"):
            document = factsheet_document(period=period, scope=scope)
            text = factsheet_csv(document=document)
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    else:
        document = factsheet_document(period=period, scope=scope)
        with translation.override("nl"):
            stamp = figures_stamp()
        pdf = factsheet_pdf(
            document=document,
            scope=scope,
            contact=selectors.relationship_manager_for(scope=scope),
            stamp=stamp,
        )
        response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if fmt == "json" else "attachment"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{filename(period=str(period), scope=scope, extension=fmt)}"'
    )
    return response


@require_GET
@login_required
# The SVG is an image (no script runs in it), styled by the <style> element pygal writes into it.
@csp_update({"style-src": [UNSAFE_INLINE]})
def factsheet_chart(request):
    """The chart of the top reasons for the staff page, suppressed as published.

    Which reasons are hidden depends on every figure of the year (suppression.py), so the chart
    computes the year's factsheet, not only its reasons.
    """
    period, scope = _period(request.GET), _scope(request.user, request.GET)
    document = compute_factsheet(period=period, scope=scope, language=translation.get_language())
    figures = FactsheetFigures(document).reasons
    return HttpResponse(reasons_chart(figures), content_type="image/svg+xml; charset=utf-8")


@require_POST
@login_required
def factsheet_publish(request):
    user = request.user
    period, scope = _period(request.POST), _scope(user, request.POST)
    if not access.can_publish(user, scope):
        # The scope is visible (else _scope answered 404) but this role only reads.
        raise PermissionDenied

    if request.POST.get("bevestigd") != "ja" and period.last_day < timezone.localdate():
        # Publishing cannot be undone: first say so, and ask again.
        return render(
            request,
            "reports/publish_confirm.html",
            {
                "period": period,
                "scope_label": scope.label or scope.name or _("the Netherlands"),
                "params": scope_params(period, scope),
                "back": factsheet_url(period, scope),
            },
        )

    def done(edition):
        messages.success(
            request,
            _("The factsheet has been published. Its figures and PDF are kept as they are now."),
        )
        return redirect(factsheet_url(SchoolYear.parse(edition.period), scope) + "#edities")

    def failed(form):
        for error in form.non_field_errors():
            messages.error(request, error)
        return redirect(factsheet_url(period, scope))

    # Nothing to fill in: an empty form, which carries the one-time token's answer.
    return take_step(
        request,
        forms.Form(request.POST),
        lambda _form: services.edition_publish(period=period, scope=scope, by=user),
        done=done,
        failed=failed,
    )


@require_GET
@login_required
def edition_pdf(request, uuid):
    edition = access.get_edition_for_user(request.user, uuid)
    response = HttpResponse(bytes(edition.pdf), content_type="application/pdf")
    scope = Scope(edition.scope_kind, None, _edition_scope_name(edition))
    name = filename(period=edition.period, scope=scope, extension="pdf")
    stamp = timezone.localtime(edition.published_at).strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{name.removesuffix(".pdf")}-{stamp}.pdf"'
    return response


def _edition_scope_name(edition) -> str:
    if edition.scope_kind == "school":
        return edition.school.brin
    if edition.scope_kind == "municipality":
        return edition.municipality.name
    if edition.scope_kind == "region":
        return edition.region.name
    return ""


@require_GET
@login_required
def dashboard(request):
    regions = access.dashboard_regions_for(request.user)
    if not regions.exists():
        raise Http404
    form = dashboard_figures.DashboardFilters(request.GET, regions=regions, default_period=default_period())
    filters = form.filters()
    figures = dashboard_figures.management_figures(**filters)
    return render(request, "reports/dashboard.html", {"form": form, "figures": figures, **filters})
