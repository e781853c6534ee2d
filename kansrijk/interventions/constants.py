from django.db import models
from django.utils.translation import gettext_lazy as _

# The kind of intervention is chosen on the referral, which comes first in the layers.
from kansrijk.referrals.constants import InterventionType as InterventionType


class Status(models.TextChoices):
    NEW = "new", _("Registered")
    INTAKE_PLANNED = "intake_planned", _("Intake planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped early")
    NOT_STARTED = "not_started", _("Not started")


OPEN_STATUSES = frozenset({Status.NEW, Status.INTAKE_PLANNED, Status.IN_PROGRESS})
ENDED_STATUSES = frozenset({Status.COMPLETED, Status.STOPPED, Status.NOT_STARTED})


class Outcome(models.TextChoices):
    SUFFICIENT = "sufficient", _("Intervention was sufficient")
    FURTHER_SUPPORT = "further_support", _("Further support needed")


class StopReason(models.TextChoices):
    YOUTH_WITHDREW = "youth_withdrew", _("The young person withdrew")
    PARENTS_WITHDREW = "parents_withdrew", _("The parents withdrew")
    OTHER = "other", _("Other")


class NotStartedReason(models.TextChoices):
    NO_CONSENT = "no_consent", _("No consent")
    NO_CONTACT = "no_contact", _("No contact")
    OTHER = "other", _("Other")


class ContactMode(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("Face to face")
    DIGITAL = "digital", _("Digital")
    PHONE = "phone", _("Phone")


class ConversationKind(models.TextChoices):
    INTAKE = "intake", _("Intake (first conversation)")
    FOLLOW_UP = "follow_up", _("Follow-up conversation")
    CLOSING = "closing", _("Closing conversation")


class ComponentKind(models.TextChoices):
    REFLECTION = "reflection", _("Reflection")
    LEARNING_ASSIGNMENT = "learning_assignment", _("Learning assignment")
    ROLE_PLAY = "role_play", _("Role play")
    SOCIAL_SKILLS = "social_skills", _("Social skills")
    MENTOR = "mentor", _("JIM mentor")
    AGGRESSION_TRAINING = "aggression_training", _("Aggression regulation")


class ComponentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not done")


class RestorationKind(models.TextChoices):
    RESTORATIVE_CONVERSATION = "restorative_conversation", _("Restorative conversation")
    APOLOGY_LETTER = "apology_letter", _("Apology letter")
    OTHER_RESTORATION = "other_restoration", _("Other restorative action")


class CareReferralKind(models.TextChoices):
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Neighbourhood team")
    YOUTH_CARE = "youth_care", _("Youth care")
    YOUTH_WORK = "youth_work", _("Youth work")
    MENTAL_HEALTH = "mental_health", _("Mental health care")
    ADDICTION_CARE = "addiction_care", _("Addiction care")
    OTHER = "other", _("Other")


class ConsentPurpose(models.TextChoices):
    """What a consent is for (docs/process.md §4): each is recorded, and withdrawn, on its own."""

    PARTICIPATION = "participation", _("Taking part in the intervention")
    SHARE_WITH_REFERRER = "share_with_referrer", _("Sharing the outcome with the referrer")
    CARE_REFERRAL = "care_referral", _("Referral to care")


# From this age the young person decides alone; below it a parent with authority must agree too.
CONSENT_OWN_DECISION_AGE = 16
