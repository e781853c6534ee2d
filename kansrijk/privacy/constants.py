from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who a privacy statement is written for; the slug is its address."""

    YOUNG_PEOPLE = "jongeren", _("Young people")
    PARENTS = "ouders", _("Parents and carers")
