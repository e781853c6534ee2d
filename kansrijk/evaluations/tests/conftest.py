import pytest


@pytest.fixture
def referrer(referrer_a):
    """The cast's referrer of the Den Haag school, with the e-mail address the invitation needs."""
    referrer_a.first_name = "Rik"
    referrer_a.last_name = "Verhoeven"
    referrer_a.email = "rik@zuiderlicht.example"
    referrer_a.save()
    return referrer_a
