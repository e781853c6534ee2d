from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The referrer's pages: refer a young person, and follow their referrals' status. Above
    interventions in the layers: the status shows how the intervention ended, with consent."""

    name = "kansrijk.portal"
    verbose_name = "Verwijzersportaal"
