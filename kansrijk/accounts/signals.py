"""Failed password logins go to Kansrijk's audit log; a new login's session notes the browser.

Django's authenticate() is the one place that knows a password was refused, and login() the one
place every login passes (the login page, an accepted invitation), and they announce it only
through these signals; the receivers hand over at once.
"""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .services import login_failure_record
from .sessions import session_describe


@receiver(user_login_failed)
def audit_login_failure(sender, credentials, request=None, **kwargs):
    # Axes' receiver ran first ("axes" comes before Kansrijk's apps in INSTALLED_APPS) and
    # marked the request when this attempt locked the account or was refused by the lock.
    login_failure_record(
        username=credentials.get("username"),
        locked_out=bool(getattr(request, "axes_locked_out", False)),
    )


@receiver(user_logged_in)
def describe_session(sender, request=None, user=None, **kwargs):
    # What the user's sessions page shows of this login (kansrijk/accounts/sessions.py).
    if request is not None and hasattr(request, "session"):
        session_describe(request)
