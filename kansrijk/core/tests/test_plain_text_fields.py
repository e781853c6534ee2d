"""Short text that reaches other people is one line of plain text: the validator, and the model
fields that carry it (kansrijk/core/validators.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kansrijk.accounts.models import Invitation, User
from kansrijk.core.validators import no_control_characters
from kansrijk.organisations.models import (
    Municipality,
    Neighbourhood,
    ReferrerOrganisation,
    Region,
    RegionPage,
    School,
)
from kansrijk.people.models import Parent, Victim, YoungPerson
from kansrijk.referrals.models import Referral

PLAIN_FIELDS = {
    YoungPerson: ("external_id", "first_name", "last_name", "phone", "address_area", "school_class"),
    Parent: ("first_name", "last_name", "relation", "phone"),
    Victim: ("name", "contact_details"),
    Referral: ("other_care_description",),
    Region: ("name",),
    Municipality: ("name",),
    Neighbourhood: ("name",),
    School: ("brin", "name"),
    ReferrerOrganisation: ("name",),
    RegionPage: ("title", "contact_name", "contact_phone"),
    User: ("first_name", "last_name"),
    Invitation: ("first_name", "last_name"),
}


@pytest.mark.parametrize(
    "text",
    [
        "Marieke\nhttps://evil.example/",
        "Marieke\r\nVerbeek",
        "Marieke\rVerbeek",
        "Marieke\tVerbeek",
        "Ver\x00beek",
        "Ver\x1bbeek",
        "Ver\x85beek",  # NEL, a line break in Unicode
        "Wijkteam\u2028Jeugdzorg",  # line separator
        "Wijkteam\u2029Jeugdzorg",  # paragraph separator
        "Daan\u202ekeeb",  # right-to-left override: shows reversed
        "Daan\u2066x\u2069",  # isolates
        "Daan\ud800",  # a lone surrogate, which no database stores
    ],
)
def test_it_refuses_line_breaks_and_control_characters(text):
    with pytest.raises(ValidationError) as refused:
        no_control_characters(text)
    assert refused.value.code == "control_characters"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Anne-Marie",
        "d'Artagnan",
        "van 't Hoff",
        "Øystein Ærø",
        "Çağla Yılmaz",
        "محمد",
        "نیم\u200cفاصله",  # zero-width non-joiner: part of the spelling
        "👩\u200d👩\u200d👧",  # zero-width joiner in an emoji sequence
        "06-12345678",
        "+31 6 1234 5678",
        "=1+1",  # a formula is a CSV writer's business (core/spreadsheets.py), not the field's
    ],
)
def test_it_accepts_names_in_any_script(text):
    no_control_characters(text)


def test_the_message_is_dutch():
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        no_control_characters("a\nb")
    assert refused.value.messages == ["Gebruik gewone tekst op één regel, zonder regeleinden of stuurtekens."]


@pytest.mark.parametrize(
    ("model", "name"), [(model, name) for model, names in PLAIN_FIELDS.items() for name in names]
)
def test_every_short_text_field_people_see_carries_it(model, name):
    assert no_control_characters in model._meta.get_field(name).validators


@pytest.mark.django_db
def test_full_clean_puts_it_on_the_field():
    parent = Parent(young_person=YoungPerson(first_name="Daan"), first_name="Marieke\nhttps://evil.example/")

    with pytest.raises(ValidationError) as refused:
        parent.full_clean(exclude=["young_person"])

    assert list(refused.value.message_dict) == ["first_name"]
