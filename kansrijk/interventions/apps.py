from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "kansrijk.interventions"
    label = "interventions"
