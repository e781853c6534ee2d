from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("", views.referral_list, name="list"),
    path("<uuid:uuid>/", views.referral_detail, name="detail"),
    path("<uuid:uuid>/in-behandeling/", views.referral_start_review, name="start_review"),
    path("<uuid:uuid>/accepteren/", views.referral_accept, name="accept"),
    path("<uuid:uuid>/afwijzen/", views.referral_reject, name="reject"),
]
