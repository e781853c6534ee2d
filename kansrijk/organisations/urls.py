from django.urls import path

from . import views

app_name = "regions"

# Mounted at /regio/ (kansrijk/urls.py): public, no login.
urlpatterns = [
    path("", views.region_page_list, name="list"),
    path("<slug:slug>/", views.region_page, name="page"),
]
