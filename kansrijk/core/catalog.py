"""Messages of Django's own that our catalog translates again, to keep one wording everywhere.

Django REST framework's Dutch catalog translates Django's "This field is required." as "Dit veld
is vereist."; an installed app's catalog takes precedence over Django's own, so every form would
change its wording. Our catalog (LOCALE_PATHS) comes before all of them: listing the message here
puts it in locale/nl with Django's wording, "Dit veld is verplicht.".
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

FIELD_REQUIRED = _("This field is required.")

# Django 5.2 changed this message's wording, and its Dutch catalog does not have the new one yet.
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
)
