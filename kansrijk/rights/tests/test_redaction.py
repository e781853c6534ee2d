"""The redactor: other people's names go, the person's own name stays."""

from __future__ import annotations

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from kansrijk.people.models import YoungPerson
from kansrijk.rights.redaction import Redactor, name_candidates


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def test_known_names_go_in_any_capitalisation_and_the_own_name_stays():
    redact = Redactor(names={"Marieke", "Visser", "Marieke Visser", "Joost"}, keep={"Noa", "Visser"})
    assert redact("Marieke Visser belde over Noa Visser.") == "[naam verwijderd] belde over Noa Visser."
    assert redact("marieke en JOOST kwamen.") == "[naam verwijderd] en [naam verwijderd] kwamen."
    # Only whole words: Joosten is somebody else's word, not Joost.
    assert redact("Joosten") == "Joosten"


def test_surnames_with_prefixes_are_candidates_as_stored():
    found = name_candidates(["Gesprek met De Jong en van der Berg; Ahmed kwam niet."])
    assert {"Jong", "de Jong", "van der Berg", "Berg", "Ahmed"} <= found


@pytest.mark.django_db
def test_names_of_other_people_kansrijk_holds_are_found_in_free_text():
    YoungPerson.objects.create(first_name="Daan", last_name="van der Berg")
    redact = Redactor(names=(), keep={"Noa"}).with_names_held(["Noa zat naast Daan van der Berg in de bus."])
    assert (
        redact("Noa zat naast Daan van der Berg in de bus.") == "Noa zat naast [naam verwijderd] in de bus."
    )


@given(st.text(max_size=200))
def test_random_text_never_breaks_the_redactor(text):
    redact = Redactor(names={"Marieke", "de Groot"}, keep={"Noa"})
    result = redact(text)
    assert isinstance(result, str)
    name_candidates([text])
