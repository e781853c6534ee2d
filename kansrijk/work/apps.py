from django.apps import AppConfig


class WorkConfig(AppConfig):
    """The start page and "My work": the top of the layers, it reads interventions and referrals."""

    name = "kansrijk.work"
    verbose_name = "Werk"
