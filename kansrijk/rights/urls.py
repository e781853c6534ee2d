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
    path("<uuid:uuid>/corrigeren/", views.request_correct, name="correct"),
    # One address per step on a request, named after the step (views.STEPS).
    *(
        path(f"<uuid:uuid>/{step.path}/", views.request_step, {"step": key}, name=key)
        for key, step in views.STEPS.items()
    ),
]
