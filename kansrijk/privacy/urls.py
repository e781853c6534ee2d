from django.urls import path

from . import views

urlpatterns = [
    path("privacy/", views.privacy_index, name="privacy_statement"),
    path("privacy/<str:audience>/", views.privacy_statement, name="privacy_statement_current"),
    path(
        "privacy/<str:audience>/versie-<int:version>/",
        views.privacy_statement,
        name="privacy_statement_version",
    ),
]
