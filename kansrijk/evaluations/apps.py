from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "kansrijk.evaluations"
    label = "evaluations"
