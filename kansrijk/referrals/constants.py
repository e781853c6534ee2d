from django.db import models
from django.utils.translation import gettext_lazy as _


class InterventionType(models.TextChoices):
    """School or neighbourhood: set on the referral by who refers, carried by its intervention."""

    SCHOOL = "school", _("School intervention")
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood intervention")


class Reason(models.TextChoices):
    DISORDERLY_BEHAVIOUR = "disorderly_behaviour", _("Disorderly behaviour")
    PHYSICAL_AGGRESSION = "physical_aggression", _("Physical aggression")
    THEFT = "theft", _("Theft")
    ONLINE_MISCONDUCT = "online_misconduct", _("Online misconduct")
    SCHOOL_ABSENCE = "school_absence", _("School absence")
    VERBAL_AGGRESSION = "verbal_aggression", _("Verbal aggression")
    VANDALISM = "vandalism", _("Vandalism")
    BULLYING = "bullying", _("Bullying")
    FIREWORKS = "fireworks", _("Fireworks")
    SUBSTANCE_USE = "substance_use", _("Alcohol/drugs")
    SEXUAL_MISCONDUCT = "sexual_misconduct", _("Sexual misconduct")
    WEAPONS = "weapons", _("Weapon possession")
    DISCRIMINATION = "discrimination", _("Discrimination")
    OTHER = "other", _("Other")


# Reasons that look like an offence the police could settle through a Halt-afdoening
# (docs/process.md §4): a 12–17-year-old referred for one of these gets a triage warning.
HALT_AFDOENING_REASONS = frozenset({Reason.THEFT, Reason.VANDALISM, Reason.FIREWORKS})


class ReferralStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The status groups, defined here only: a referral waiting for a decision, or dealt with.
UNDECIDED_STATUSES = frozenset({ReferralStatus.SUBMITTED, ReferralStatus.IN_REVIEW})
DECIDED_STATUSES = frozenset({ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN})


class RejectionReason(models.TextChoices):
    AGE = "age", _("Outside the age range")
    CRIMINAL_OFFENCE = "criminal_offence", _("Criminal offence: police/Halt-afdoening route")
    CARE_SUFFICIENT = "care_sufficient", _("Care already sufficient")
    NO_AGREEMENT = "no_agreement", _("No agreement with the municipality or school")
    OTHER = "other", _("Other")
