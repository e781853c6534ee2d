import pytest
from django.test import Client


@pytest.fixture
def browser():
    """A plain django.test.Client: unlike the suite's `client`, its force_login does not pass
    the second factor, so these tests see the two-step login as a person does."""
    return Client()
