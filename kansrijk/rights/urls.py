from django.urls import path

from . import views

app_name = "rights"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("nieuw/", views.person_search, name="search"),
    path("nieuw/<str:kind>/<uuid:uuid>/", views.request_register, name="register"),
    path("<uuid:uuid>/", views.request_detail, name="detail"),
    path("<uuid:uuid>/inzage.json", views.export_json, name="export_json"),
    path("<uuid:uuid>/inzage.pdf", views.export_pdf, name="export_pdf"),
    path("<uuid:uuid>/verlengen/", views.request_extend, name="extend"),
    path("<uuid:uuid>/afhandelen/", views.request_handle, name="handle"),
    path("<uuid:uuid>/corrigeren/", views.request_correct, name="correct"),
    path("<uuid:uuid>/wissen/", views.request_erase, name="erase"),
]
