"""Session rules that hold for every page, so that no view can forget them."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.utils.cache import patch_cache_control
from django.views.defaults import page_not_found
from django_htmx.http import HttpResponseClientRedirect

# When the session's user logged in, as a Unix time (a plain number: the session is JSON).
STARTED_KEY = "kansrijk_session_started"


class SessionLifetimeMiddleware:
    """Ends a session SESSION_MAX_LIFETIME_SECONDS after it began, however active it was.

    The idle timeout (SESSION_COOKIE_AGE, renewed on every request) ends a session left alone;
    this ends one that is used all day, so that a stolen session cookie does not last forever.
    A session that predates this rule (or a test's force_login) starts counting at its first
    request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.setdefault(STARTED_KEY, now)
            if now - started > settings.SESSION_MAX_LIFETIME_SECONDS:
                logout(request)
                if getattr(request, "htmx", False):
                    return HttpResponseClientRedirect(resolve_url(settings.LOGIN_URL))
                if request.method != "GET":
                    return redirect(settings.LOGIN_URL)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class PrivateNoStoreMiddleware:
    """Pages for a logged-in user are never stored by the browser or a proxy (they show case
    content); a view that set its own Cache-Control keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class FriendlyNotFoundMiddleware:
    """With DEBUG (development and the demo) a missing page is Kansrijk's own Dutch 404 page
    too, not Django's technical page that lists the URL patterns. Production (DEBUG false)
    shows that page already; this makes the demo that users walk behave the same.

    Placed after CommonMiddleware, so a missing trailing slash is still redirected.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        unmatched = getattr(request, "resolver_match", None) is None
        if settings.DEBUG and response.status_code == 404 and unmatched:
            # No address matched: Django answered with its technical page.
            return page_not_found(request, Http404())
        return response

    def process_exception(self, request, exception):
        if settings.DEBUG and isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
