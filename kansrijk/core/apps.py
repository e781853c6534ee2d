from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kansrijk.core"
    label = "core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401 - registers the deployment checks
        from .dbroles import grant_after_migrate

        # Once per migrate (post_migrate comes once per app; this listens to core's), after every
        # migration has run, so every table exists.
        post_migrate.connect(
            grant_after_migrate, sender=self, dispatch_uid="kansrijk.core.grant_after_migrate"
        )
