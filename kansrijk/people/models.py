import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint
from kansrijk.core.validators import no_control_characters

from .constants import Gender


class YoungPerson(models.Model):
    """The young person (jongere) an intervention is about. No BSN, ever (docs/process.md §4)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    external_id = models.CharField(
        _("pseudonymous id"),
        max_length=64,
        unique=True,
        validators=[no_control_characters],
        null=True,
        blank=True,
        help_text=_("Stable pseudonymous id from the interchange file or the old registration."),
    )
    first_name = models.CharField(
        _("first name"), max_length=100, blank=True, validators=[no_control_characters]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[no_control_characters]
    )
    # Required in every form and service; empty only once retention has removed it, which is
    # also how a young person whose data were removed is recognised (retention/selectors.py).
    birth_date = models.DateField(_("date of birth"), null=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[no_control_characters])
    email = models.EmailField(_("e-mail"), blank=True)
    address_area = models.CharField(
        _("address area"),
        max_length=100,
        blank=True,
        help_text=_("Postcode area or neighbourhood."),
        validators=[no_control_characters],
    )
    school_class = models.CharField(_("class"), max_length=50, blank=True, validators=[no_control_characters])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("young person")
        verbose_name_plural = _("young people")
        constraints = [choices_constraint("young_person", "gender", Gender, blank=True)]

    def __str__(self) -> str:
        return self.full_name or str(_("young person"))

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Parent(models.Model):
    """A parent or carer (ouder/verzorger) of a young person."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="parents", verbose_name=_("young person")
    )
    first_name = models.CharField(
        _("first name"), max_length=100, blank=True, validators=[no_control_characters]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[no_control_characters]
    )
    relation = models.CharField(
        _("relation"),
        max_length=50,
        blank=True,
        help_text=_("E.g. mother, father, carer."),
        validators=[no_control_characters],
    )
    has_parental_authority = models.BooleanField(_("has parental authority"), default=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[no_control_characters])
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("parent or carer")
        verbose_name_plural = _("parents and carers")

    def __str__(self) -> str:
        return self.full_name or str(_("parent or carer"))

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Victim(models.Model):
    """The victim (slachtoffer) of what happened, where there is one and they are known."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.CASCADE, related_name="victims", verbose_name=_("referral")
    )
    name = models.CharField(_("name"), max_length=200, blank=True, validators=[no_control_characters])
    is_organisation = models.BooleanField(_("is an organisation"), default=False)
    contact_details = models.CharField(
        _("contact details"), max_length=200, blank=True, validators=[no_control_characters]
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("victim")
        verbose_name_plural = _("victims")

    def __str__(self) -> str:
        return self.name or str(_("victim"))
