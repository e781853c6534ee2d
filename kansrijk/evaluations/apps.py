from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "kansrijk.evaluations"
    label = "evaluations"

    def ready(self) -> None:
        from kansrijk.interventions.events import intervention_ended

        from .services import invite_on_ending

        # The evaluation invitations go out when an intervention ends (completed or stopped).
        intervention_ended.connect(invite_on_ending, dispatch_uid="evaluations_invite_on_ending")
