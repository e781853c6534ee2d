"""The privacy statements: public, no login, nothing personal (linked from every page)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .constants import Audience
from .models import PrivacyStatement
from .selectors import statement_in_force


@require_GET
def privacy_index(request):
    return render(
        request,
        "privacy/index.html",
        {"statements": [(audience, statement_in_force(audience=audience)) for audience in Audience]},
    )


@require_GET
def privacy_statement(request, audience: str, version: int | None = None):
    if audience not in Audience.values:
        raise Http404
    current = statement_in_force(audience=audience)
    if version is None:
        statement = current
        if statement is None:
            raise Http404
    else:
        statement = get_object_or_404(PrivacyStatement, audience=audience, version=version)
    earlier = PrivacyStatement.objects.filter(audience=audience).exclude(pk=statement.pk).order_by("-version")
    return render(
        request,
        "privacy/statement.html",
        {"statement": statement, "current": current, "earlier": earlier, "audience": Audience(audience)},
    )
