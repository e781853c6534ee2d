"""The API's shapes. Input goes through the same rules as the web form (`referrals/intake.py`):
a serializer only turns JSON into an `Intake` and puts the rules' messages on its own fields."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kansrijk.core.validators import no_control_characters
from kansrijk.interventions.constants import Outcome, Status
from kansrijk.referrals.constants import Reason, ReferralStatus, RejectionReason
from kansrijk.referrals.intake import (
    REQUIRED_MESSAGES,
    Intake,
    ParentContact,
    intake_errors,
)
from kansrijk.referrals.rules import DUPLICATE_REASON

# The short fields are one line of plain text, as the models they end up in (core/validators.py).
PLAIN = (no_control_characters,)
YOUNG_PERSON_FIELDS = ("first_name", "last_name", "birth_date", "school_class", "address_area")


def _required(name: str) -> dict:
    return {
        "required": REQUIRED_MESSAGES[name],
        "null": REQUIRED_MESSAGES[name],
        "blank": REQUIRED_MESSAGES[name],
    }


class YoungPersonSerializer(serializers.Serializer):
    first_name = serializers.CharField(
        max_length=100, error_messages=_required("first_name"), validators=PLAIN
    )
    last_name = serializers.CharField(max_length=150, error_messages=_required("last_name"), validators=PLAIN)
    birth_date = serializers.DateField(error_messages=_required("birth_date"))
    school_class = serializers.CharField(
        max_length=50, required=False, allow_blank=True, default="", validators=PLAIN
    )
    address_area = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text="Postcode area or street.",
        validators=PLAIN,
    )


class ParentSerializer(serializers.Serializer):
    first_name = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default="", validators=PLAIN
    )
    last_name = serializers.CharField(
        max_length=150, required=False, allow_blank=True, default="", validators=PLAIN
    )
    relation = serializers.CharField(
        max_length=50, required=False, allow_blank=True, default="", validators=PLAIN
    )
    phone = serializers.CharField(
        max_length=32, required=False, allow_blank=True, default="", validators=PLAIN
    )
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True, default="")


class ReferralCreateSerializer(serializers.Serializer):
    young_person = YoungPersonSerializer()
    neighbourhood = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text="Name of a neighbourhood in the organisation's municipality.",
        validators=PLAIN,
    )
    # many=True hands max_length to the ListSerializer; djangorestframework-stubs lacks it.
    parents = ParentSerializer(many=True, required=False, default=list, max_length=4)  # type: ignore[call-arg]
    incident_date = serializers.DateField(error_messages=_required("incident_date"))
    description = serializers.CharField(max_length=5000, error_messages=_required("description"))
    reasons = serializers.ListField(
        child=serializers.ChoiceField(choices=Reason.choices),
        min_length=1,
        max_length=len(Reason.choices),
        error_messages={
            **_required("reasons"),
            "empty": REQUIRED_MESSAGES["reasons"],
            "min_length": REQUIRED_MESSAGES["reasons"],
            "max_length": DUPLICATE_REASON,
        },
        help_text="Reason codes, the main reason first.",
    )
    has_victim = serializers.BooleanField(required=False, default=False)
    youth_informed = serializers.BooleanField(error_messages=_required("youth_informed"))
    parents_informed = serializers.BooleanField(error_messages=_required("parents_informed"))
    other_care_involved = serializers.BooleanField(required=False, default=False)
    other_care_description = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default="", validators=PLAIN
    )

    def validate(self, attrs):
        intake = self.intake(attrs)
        errors = intake_errors(intake, organisation=self.context["organisation"])
        if errors:
            nested: dict = {}
            for name, messages in errors.items():
                if name in YOUNG_PERSON_FIELDS:
                    nested.setdefault("young_person", {})[name] = messages
                else:
                    nested[name] = messages
            raise serializers.ValidationError(nested)
        attrs["intake"] = intake
        return attrs

    @staticmethod
    def intake(attrs) -> Intake:
        young_person = attrs["young_person"]
        return Intake(
            first_name=young_person["first_name"],
            last_name=young_person["last_name"],
            birth_date=young_person["birth_date"],
            school_class=young_person.get("school_class", ""),
            address_area=young_person.get("address_area", ""),
            neighbourhood=attrs.get("neighbourhood", ""),
            parents=[ParentContact(**parent) for parent in attrs.get("parents", [])],
            incident_date=attrs["incident_date"],
            description=attrs["description"],
            reasons=list(attrs["reasons"]),
            has_victim=attrs.get("has_victim", False),
            youth_informed=attrs["youth_informed"],
            parents_informed=attrs["parents_informed"],
            other_care_involved=attrs.get("other_care_involved", False),
            other_care_description=attrs.get("other_care_description", ""),
        )


STATUS_CHOICES = [
    *ReferralStatus.choices,
    (Status.COMPLETED.value, Status.COMPLETED.label),
    (Status.STOPPED.value, Status.STOPPED.label),
    (Status.NOT_STARTED.value, Status.NOT_STARTED.label),
]


class ReferralStatusSerializer(serializers.Serializer):
    """What the organisation may know of its referral: never its content (docs/process.md §3)."""

    uuid = serializers.UUIDField(source="referral.uuid")
    reference = serializers.CharField(source="referral.reference")
    referral_date = serializers.DateField(source="referral.referral_date")
    status = serializers.ChoiceField(
        choices=STATUS_CHOICES,
        help_text=(
            "completed, stopped and not_started appear only while the consent to share feedback "
            "with the referrer is in effect; until then an ended intervention stays accepted."
        ),
    )
    status_label = serializers.CharField()
    rejection_reason = serializers.SerializerMethodField()
    outcome = serializers.SerializerMethodField()
    decided_on = serializers.DateField(allow_null=True)

    @extend_schema_field(serializers.ChoiceField(choices=RejectionReason.choices, allow_null=True))
    def get_rejection_reason(self, view) -> str | None:
        return view.referral.rejection_reason or None if view.status == ReferralStatus.REJECTED else None

    @extend_schema_field(serializers.ChoiceField(choices=Outcome.choices, allow_null=True))
    def get_outcome(self, view) -> str | None:
        return view.referral.intervention.outcome or None if view.status == Status.COMPLETED else None
