"""Logging in as a person does: a password, then what an authenticator app shows."""

from __future__ import annotations

import time

from django.urls import reverse
from django_otp.oath import TOTP

PASSWORD = "correct-horse-battery"  # the cast's password (kansrijk/conftest.py)


def totp_code(device_or_hex_key, *, at: float | None = None) -> str:
    """The six digits an app shows now (or at the Unix time `at`) for a device or hex key."""
    key = getattr(device_or_hex_key, "key", device_or_hex_key)
    totp = TOTP(bytes.fromhex(key))
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"


def log_in_with_password(browser, username: str, password: str = PASSWORD, **extra):
    """POST the login form; `extra` goes to the request (e.g. REMOTE_ADDR)."""
    return browser.post(reverse("login"), {"username": username, "password": password}, **extra)
