from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "kansrijk.referrals"
    label = "referrals"

    def ready(self) -> None:
        # The workflow table registers itself with kansrijk.core.workflow (for `may`).
        from . import workflow  # noqa: F401
