from django.urls import path

from . import views

app_name = "reports"

# Dutch paths; the scope travels in the query string by name or BRIN code (no personal data):
# /rapportages/factsheet/?periode=2024-2025&scope=school&brin=12AB
urlpatterns = [
    path("", views.reports_index, name="index"),
    path("factsheet/", views.factsheet_page, name="factsheet"),
    path("factsheet/pdf/", views.factsheet_download, {"fmt": "pdf"}, name="factsheet_pdf"),
    path("factsheet/csv/", views.factsheet_download, {"fmt": "csv"}, name="factsheet_csv"),
    path("factsheet/json/", views.factsheet_download, {"fmt": "json"}, name="factsheet_json"),
    path("factsheet/redenen.svg", views.factsheet_chart, name="factsheet_chart"),
    path("factsheet/publiceren/", views.factsheet_publish, name="factsheet_publish"),
    path("edities/<uuid:uuid>/pdf/", views.edition_pdf, name="edition_pdf"),
    path("sturingsinformatie/", views.dashboard, name="dashboard"),
]
