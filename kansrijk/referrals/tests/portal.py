"""A valid referral as the web form posts it and as a partner system sends it, with the same content."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def birth_date_for(age: int, *, on: dt.date | None = None) -> dt.date:
    day = on or timezone.localdate()
    return day.replace(year=day.year - age) - dt.timedelta(days=30)


def incident_day() -> dt.date:
    return timezone.localdate() - dt.timedelta(days=3)


def form_data(**changes) -> dict:
    data = {
        "first_name": "Daan",
        "last_name": "Verbeek",
        "birth_date": birth_date_for(14).isoformat(),
        "school_class": "2B",
        "address_area": "2525",
        "parent1_first_name": "Marieke",
        "parent1_last_name": "Verbeek",
        "parent1_relation": "moeder",
        "parent1_phone": "06-12345678",
        "parent1_email": "",
        "incident_date": incident_day().isoformat(),
        "description": "Gooide een stoel door het lokaal.",
        "primary_reason": "physical_aggression",
        "other_reasons": ["bullying"],
        "has_victim": "yes",
        "youth_informed": "yes",
        "parents_informed": "no",
        "other_care_involved": "yes",
        "other_care_description": "Wijkteam",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def api_payload(**changes) -> dict:
    data = {
        "young_person": {
            "first_name": "Daan",
            "last_name": "Verbeek",
            "birth_date": birth_date_for(14).isoformat(),
            "school_class": "2B",
            "address_area": "2525",
        },
        "parents": [
            {"first_name": "Marieke", "last_name": "Verbeek", "relation": "moeder", "phone": "06-12345678"}
        ],
        "incident_date": incident_day().isoformat(),
        "description": "Gooide een stoel door het lokaal.",
        "reasons": ["physical_aggression", "bullying"],
        "has_victim": True,
        "youth_informed": True,
        "parents_informed": False,
        "other_care_involved": True,
        "other_care_description": "Wijkteam",
    }
    data.update(changes)
    return data
