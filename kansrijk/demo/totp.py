"""The demo's second factor: one fixed authenticator-app secret shared by every demo account.

It exists only in the demo data, so that anyone trying the demo can add it to an authenticator
app once (`manage.py demo_logins` prints it, the README shows it) and log in as any demo user.
Real accounts get a random secret of their own when they set up their app.
"""

from __future__ import annotations

from base64 import b32decode
from urllib.parse import quote, urlencode

from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.selectors import user_needs_second_factor

# Base32, as authenticator apps take it: 20 bytes, the length django-otp generates.
DEMO_TOTP_SECRET = "KANSRIJKDEMOHALTTWEESTAPSCODE234"  # noqa: S105 - the documented demo key
DEMO_TOTP_ISSUER = "Kansrijk demo"


def demo_totp_key() -> str:
    """The secret as django-otp stores it: hexadecimal."""
    return b32decode(DEMO_TOTP_SECRET).hex()


def demo_totp_secret_grouped() -> str:
    """The secret in groups of four, for typing it into an app."""
    return " ".join(DEMO_TOTP_SECRET[i : i + 4] for i in range(0, len(DEMO_TOTP_SECRET), 4))


def demo_otpauth_uri() -> str:
    """The key URI an app reads from a QR code: one entry that serves every demo account."""
    params = {
        "secret": DEMO_TOTP_SECRET,
        "issuer": DEMO_TOTP_ISSUER,
        "algorithm": "SHA1",
        "digits": 6,
        "period": 30,
    }
    return f"otpauth://totp/{quote(DEMO_TOTP_ISSUER)}:demo?{urlencode(params, quote_via=quote)}"


def demo_totp_devices_create(*, users) -> None:
    """A confirmed app device with the demo secret for each demo user who needs one."""
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user=user, name="Demo authenticator app", key=demo_totp_key(), confirmed=True)
        for user in users
        if user_needs_second_factor(user)
    )
