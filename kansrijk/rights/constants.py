from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    """The rights of docs/process.md §4 a young person or parent can invoke (AVG articles 15–17)."""

    ACCESS = "access", _("Access")
    CORRECTION = "correction", _("Correction")
    ERASURE = "erasure", _("Erasure")


class SubjectKind(models.TextChoices):
    YOUNG_PERSON = "young_person", _("Young person")
    PARENT = "parent", _("Parent or carer")


class Requester(models.TextChoices):
    """Who made the request: the person, or somebody entitled to act for them."""

    SUBJECT = "subject", _("The person themselves")
    PARENT = "parent", _("A parent with parental authority, on behalf of the young person")
    REPRESENTATIVE = "representative", _("A legal representative")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    HANDLED = "handled", _("Handled")


class Decision(models.TextChoices):
    GRANTED = "granted", _("Granted")
    PARTLY = "partly", _("Partly granted")
    REFUSED = "refused", _("Refused")
