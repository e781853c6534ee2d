"""The demo data set, loaded once for all demo tests (a load takes seconds).

Each test still runs in its own transaction on top of the loaded data and is rolled back, so a
test may reload or wipe the data without disturbing the next one. The data are removed when
the demo tests are done, so the other apps' tests start from an empty database.
"""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from kansrijk.demo.generator import demo_wipe

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="package")
def demo_data(django_db_setup, django_db_blocker):
    # The same fast hasher the function-scoped fixture of kansrijk/conftest.py sets for each test,
    # which is not active yet at package scope: the accounts must be checkable inside the tests.
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS, DEBUG=True):
        output = io.StringIO()
        call_command("load_demo", stdout=output)
    yield output.getvalue()
    with django_db_blocker.unblock():
        demo_wipe()


@pytest.fixture(autouse=True)
def development(settings):
    """load_demo is a development command: it refuses to run with DEBUG false (the test runner's
    default) unless told it may delete everything (test_demo_refusal.py tests that refusal)."""
    settings.DEBUG = True


@pytest.fixture
def demo(demo_data, db):
    """The loaded demo data inside this test's transaction; the value is load_demo's output."""
    return demo_data
