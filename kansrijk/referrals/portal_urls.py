from django.urls import path

from . import portal_views

app_name = "portal"

# Mounted at /verwijzer/ (kansrijk/urls.py): the referrer's own pages.
urlpatterns = [
    path("aanmeldingen/", portal_views.referral_list, name="referrals"),
    path("aanmelden/", portal_views.referral_new, name="new"),
    path("aanmeldingen/<uuid:uuid>/", portal_views.referral_status, name="status"),
    path("aanmeldingen/<uuid:uuid>/ingediend/", portal_views.referral_submitted, name="submitted"),
]
