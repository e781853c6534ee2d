from django.urls import path

from . import views

app_name = "evaluations"

# Dutch paths. The questionnaire's address carries the evaluation's uuid and the link's token,
# nothing personal.
urlpatterns = [
    path("evaluatie/bedankt/", views.evaluation_thanks, name="thanks"),
    path("evaluatie/<uuid:uuid>/<str:token>/", views.evaluation_answer, name="answer"),
    path("evaluaties/citaten/", views.quote_list, name="quotes"),
    path("evaluaties/citaten/<uuid:uuid>/", views.quote_review, name="quote_review"),
    path(
        "interventies/<uuid:uuid>/evaluaties/<uuid:evaluation_uuid>/printen/",
        views.evaluation_print,
        name="print",
    ),
]
