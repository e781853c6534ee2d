from django.urls import path

from . import views

app_name = "portal"

# Mounted at /verwijzer/ (kansrijk/urls.py): the referrer's own pages.
urlpatterns = [
    path("aanmeldingen/", views.referral_list, name="referrals"),
    path("aanmelden/", views.referral_new, name="new"),
    path("aanmeldingen/<uuid:uuid>/", views.referral_status, name="status"),
    path("aanmeldingen/<uuid:uuid>/ingediend/", views.referral_submitted, name="submitted"),
]
