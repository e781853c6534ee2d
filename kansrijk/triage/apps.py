from django.apps import AppConfig


class TriageConfig(AppConfig):
    """The team lead's referral pages: the list, the triage page with its warnings, and the
    decisions. Above interventions in the layers: triage reads a young person's earlier files."""

    name = "kansrijk.triage"
    verbose_name = "Triage"
