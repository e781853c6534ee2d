from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferrerKind(models.TextChoices):
    SCHOOL = "school", _("School")
    POLICE = "police", _("Police")
    BOA = "boa", _("Special enforcement officer (BOA)")
    MUNICIPALITY = "municipality", _("Municipality")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Neighbourhood team")
    YOUTH_WORK = "youth_work", _("Youth work")
    OTHER = "other", _("Other")
