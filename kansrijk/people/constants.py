from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    MALE = "m", _("Male")
    FEMALE = "f", _("Female")
    OTHER = "x", _("Other / not specified")


class ConsentPurpose(models.TextChoices):
    """What a consent is for (docs/process.md §4): each is recorded, and withdrawn, on its own."""

    PARTICIPATION = "participation", _("Taking part in the intervention")
    SHARE_WITH_REFERRER = "share_with_referrer", _("Sharing the outcome with the referrer")
    CARE_REFERRAL = "care_referral", _("Referral to care")


# From this age the young person decides alone; below it a parent with authority must agree too.
CONSENT_OWN_DECISION_AGE = 16
