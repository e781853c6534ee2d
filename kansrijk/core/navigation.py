"""Addresses between pages."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode


def url_with_next(view_name: str, next_url: str) -> str:
    """The address of `view_name`, carrying where to go afterwards (`?next=`) when there is one."""
    url = reverse(view_name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
