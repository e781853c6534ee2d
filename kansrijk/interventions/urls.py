from django.urls import path

from . import views

app_name = "interventions"

urlpatterns = [
    path("", views.intervention_list, name="list"),
    path("export.csv", views.intervention_export, name="export"),
    path("<uuid:uuid>/", views.intervention_detail, name="detail"),
    path("<uuid:uuid>/notities/", views.intervention_add_note, name="add_note"),
    path(
        "<uuid:uuid>/onderdelen/<uuid:component_uuid>/afvinken/",
        views.intervention_mark_component,
        name="mark_component",
    ),
    path(
        "<uuid:uuid>/toestemming/<uuid:consent_uuid>/intrekken/",
        views.intervention_withdraw_consent,
        name="withdraw_consent",
    ),
    # One address per step on the file, named after the step (views.STEPS).
    *(
        path(f"<uuid:uuid>/{step.path}/", views.intervention_step, {"step": key}, name=key)
        for key, step in views.STEPS.items()
    ),
]
