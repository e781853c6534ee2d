from django.db import models
from django.utils.translation import gettext_lazy as _


class MailKind(models.TextChoices):
    """What an e-mail is about: all a team lead sees of a message that could not be delivered."""

    REFERRAL_SUBMITTED = "referral_submitted", _("New referral for triage")
    REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted (to the referrer)")
    REFERRAL_REJECTED = "referral_rejected", _("Referral rejected (to the referrer)")
    REFERRAL_COMPLETED = "referral_completed", _("Intervention ended (to the referrer)")
    INVITATION = "invitation", _("Invitation for a referrer account")
    PASSWORD_RESET = "password_reset", _("Invitation to choose a new password")
    EVALUATION_INVITATION = "evaluation_invitation", _("Evaluation invitation")
    EVALUATION_REMINDER = "evaluation_reminder", _("Evaluation reminder")


class MailStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be delivered")
