"""The API for partner systems: submit a referral, and follow the status of the organisation's own.

Each call comes from one organisation's system (its API key); it sees that organisation's
referrals only, with status and no content, and another organisation's referral does not exist
for it (404), as in the referrer's pages.
"""

from __future__ import annotations

from typing import cast

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from kansrijk.portal import selectors
from kansrijk.referrals.access import get_organisation_referral, referrals_of_organisation
from kansrijk.referrals.intake import IntakeInvalid, intake_submit

from . import idempotency
from .authentication import OrganisationClient
from .serializers import ReferralCreateSerializer, ReferralStatusSerializer
from .throttling import FailedCallsThrottled

REFERRAL_EXAMPLE = OpenApiExample(
    "A referral by a school",
    request_only=True,
    value={
        "young_person": {
            "first_name": "Daan",
            "last_name": "Verbeek",
            "birth_date": "2012-05-01",
            "school_class": "2B",
            "address_area": "2525",
        },
        "parents": [{"first_name": "Marieke", "relation": "moeder", "phone": "06-12345678"}],
        "incident_date": "2026-10-20",
        "description": "Threw a chair through the classroom.",
        "reasons": ["physical_aggression", "bullying"],
        "has_victim": True,
        "youth_informed": True,
        "parents_informed": False,
        "other_care_involved": False,
    },
)

ERRORS = {
    400: OpenApiResponse(description="The input breaks a rule; the messages are per field."),
    401: OpenApiResponse(description="No valid API key."),
}


class ReferralListCreate(FailedCallsThrottled, generics.GenericAPIView):
    serializer_class = ReferralStatusSerializer

    def get_queryset(self):
        # The stubs type request.user as a User; our authentication makes it an OrganisationClient.
        client = cast(OrganisationClient, self.request.user)
        return referrals_of_organisation(client.organisation.pk).order_by("-referral_date", "-id")

    @extend_schema(
        summary="The organisation's referrals with their status, newest first",
        responses={200: ReferralStatusSerializer(many=True), 401: ERRORS[401]},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None  # DEFAULT_PAGINATION_CLASS is set
        views = selectors.referrer_views(self.get_queryset().filter(pk__in=[r.pk for r in page]))
        return self.get_paginated_response(ReferralStatusSerializer(views, many=True).data)

    @extend_schema(
        summary="Submit a referral",
        description=(
            "Send an `Idempotency-Key` header to make a retry safe: the same key with the same "
            "body within 24 hours is answered with the first answer and stores nothing new."
        ),
        request=ReferralCreateSerializer,
        parameters=[idempotency.PARAMETER],
        examples=[REFERRAL_EXAMPLE],
        responses={201: ReferralStatusSerializer, **ERRORS, **idempotency.RESPONSES},
    )
    @idempotency.idempotent
    def post(self, request):
        organisation = request.user.organisation
        serializer = ReferralCreateSerializer(data=request.data, context={"organisation": organisation})
        serializer.is_valid(raise_exception=True)
        try:
            referral = intake_submit(
                intake=serializer.validated_data["intake"],
                organisation=organisation,
                referred_by=None,
                api_token=request.user.token,
            )
        except IntakeInvalid as invalid:
            return Response(invalid.errors, status=status.HTTP_400_BAD_REQUEST)
        view = selectors.referral_for_referrer(referral=referral)
        return Response(ReferralStatusSerializer(view).data, status=status.HTTP_201_CREATED)


class ReferralDetail(FailedCallsThrottled, generics.GenericAPIView):
    serializer_class = ReferralStatusSerializer

    @extend_schema(
        summary="The status of one of the organisation's referrals",
        responses={
            200: ReferralStatusSerializer,
            401: ERRORS[401],
            404: OpenApiResponse(description="No referral of this organisation has this id."),
        },
    )
    def get(self, request, uuid):
        referral = get_organisation_referral(request.user.organisation.pk, uuid)
        return Response(ReferralStatusSerializer(selectors.referral_for_referrer(referral=referral)).data)
