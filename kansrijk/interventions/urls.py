from django.urls import path

from . import views

app_name = "interventions"

urlpatterns = [
    path("", views.intervention_list, name="list"),
    path("<uuid:uuid>/", views.intervention_detail, name="detail"),
    path("<uuid:uuid>/notities/", views.intervention_add_note, name="add_note"),
]
