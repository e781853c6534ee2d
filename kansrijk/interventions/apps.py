from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "kansrijk.interventions"
    label = "interventions"

    def ready(self) -> None:
        # The workflow table registers itself with kansrijk.core.workflow (for `may`).
        from . import workflow  # noqa: F401
