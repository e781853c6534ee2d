"""Failed password logins go to Kansrijk's audit log.

Django's authenticate() is the one place that knows a password was refused and announces it
only through this signal; the receiver hands over to a service at once.
"""

from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from .services import login_failure_record


@receiver(user_login_failed)
def audit_login_failure(sender, credentials, request=None, **kwargs):
    # Axes' receiver ran first ("axes" comes before Kansrijk's apps in INSTALLED_APPS) and
    # marked the request when this attempt locked the account or was refused by the lock.
    login_failure_record(
        username=credentials.get("username"),
        locked_out=bool(getattr(request, "axes_locked_out", False)),
    )
