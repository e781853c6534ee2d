"""The public region pages: no login, nothing personal; how to refer a young person to Halt."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kansrijk.core.navigation import url_with_next

from .models import RegionPage


@require_GET
def region_page_list(request):
    pages = RegionPage.objects.filter(is_published=True).order_by("title")
    return render(request, "organisations/region_page_list.html", {"pages": pages})


@require_GET
def region_page(request, slug):
    page = get_object_or_404(RegionPage.objects.select_related("region"), slug=slug, is_published=True)
    return render(
        request,
        "organisations/region_page.html",
        {
            "page": page,
            "refer_url": url_with_next("login", reverse("portal:new")),
        },
    )
