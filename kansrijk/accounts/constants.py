from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Halt professional")
    TEAM_LEAD = "team_lead", _("Team lead")
    RELATIONSHIP_MANAGER = "relationship_manager", _("Relationship manager")
    REFERRER = "referrer", _("Referrer")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")
    ADMIN = "admin", _("Functional administrator")


HALT_CASE_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEAD})
