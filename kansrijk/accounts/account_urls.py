from django.urls import path

from . import account_views

app_name = "account"

# Mounted at /account/ (kansrijk/urls.py): the logged-in user's own login settings.
urlpatterns = [
    path("", account_views.account, name="index"),
    path("wachtwoord/", account_views.password_change, name="password"),
    path("herstelcodes/", account_views.recovery_codes_renew, name="recovery_codes"),
    path("sessies/", account_views.sessions, name="sessions"),
    path("sessies/elders-uitloggen/", account_views.sessions_end_others, name="sessions_end_others"),
]
