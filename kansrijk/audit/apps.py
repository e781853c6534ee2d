from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kansrijk.audit"
    label = "audit"

    def ready(self) -> None:
        from kansrijk.core.lookups import access_refused

        from .receivers import access_refused_record

        # A refused look at an object that exists is recorded (kansrijk/core/lookups.py).
        access_refused.connect(access_refused_record, dispatch_uid="audit_access_refused")
