from django.apps import AppConfig


class AuditlogConfig(AppConfig):
    """The privacy officer's pages over the audit log: search, read and export.

    The log itself (the model and the one write path) is the `audit` app, low in the layers so
    that every app can record; reading it back, with references to files and referrals, sits
    above them.
    """

    name = "kansrijk.auditlog"
    verbose_name = "Auditlog"
