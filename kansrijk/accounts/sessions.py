"""Kansrijk's session engine (SESSION_ENGINE): Django's database sessions, indexed by user.

Django's own session table cannot tell whose a session is without decoding every row. This
store copies the user, the login time, the time of the last request, a short description of the
browser and whether the second factor was passed into columns of `UserSession` each time it
saves a session. SESSION_SAVE_EVERY_REQUEST makes that every request, so the columns are never
behind the session's data, and a user's sessions page and "log out everywhere else" need one
query on an index (accounts/selectors.py, accounts/services.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from kansrijk.core.middleware import STARTED_KEY
from kansrijk.core.proxies import is_address

if TYPE_CHECKING:
    from .models import UserSession

# What the login saw of the client: {"browser": ..., "system": ..., "address": ...}.
CLIENT_KEY = "kansrijk_session_client"

# The first name found wins: Edge and Opera also say "Chrome", Chrome also says "Safari", an
# iPhone also says "Mac OS X" and Android also says "Linux".
BROWSERS = (
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
)
SYSTEMS = (
    ("Windows", "Windows"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("Linux", "Linux"),
)


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from .models import UserSession

        return UserSession

    def create_model_instance(self, data: dict[str, Any]) -> UserSession:
        session = cast("UserSession", super().create_model_instance(data))
        client = data.get(CLIENT_KEY) or {}
        session.user_id = _whole_number(data.get(SESSION_KEY))
        session.started_at = _moment(data.get(STARTED_KEY))
        session.last_active_at = timezone.now()
        session.second_factor = bool(data.get(DEVICE_ID_SESSION_KEY))
        session.browser = str(client.get("browser", ""))[:40]
        session.system = str(client.get("system", ""))[:40]
        session.ip_address = client.get("address") or None
        return session


def session_describe(request) -> None:
    """Note in a new login's session what its owner will recognise it by: browser, system and
    address (the address as the audit log has it, kansrijk/core/proxies.py)."""
    browser, system = agent_summary(request.META.get("HTTP_USER_AGENT", ""))
    address = request.META.get("REMOTE_ADDR", "")
    request.session[CLIENT_KEY] = {
        "browser": browser,
        "system": system,
        "address": address if is_address(address) else "",
    }


def agent_summary(user_agent: str) -> tuple[str, str]:
    """The browser's and the operating system's names in a user-agent header; "" when unknown."""
    browser = next((name for token, name in BROWSERS if token in user_agent), "")
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    return browser, system


def _whole_number(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _moment(value: Any) -> dt.datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, tz=dt.UTC)
    return None
