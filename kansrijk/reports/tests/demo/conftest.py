"""The demo data set, loaded once for the report tests that need the seed's figures.

The same arrangement as kansrijk/demo/tests/conftest.py: loaded at package scope (a load takes
seconds), each test in its own transaction on top of it, removed when the package is done so
the other tests start from an empty database.
"""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import override_settings

from kansrijk.accounts.models import User
from kansrijk.demo.generator import demo_wipe

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="package")
def demo_data(django_db_setup, django_db_blocker):
    # DEBUG as in development: load_demo refuses to run in production without being told.
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS, DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        demo_wipe()


@pytest.fixture
def demo(demo_data, db):
    """The loaded demo data inside this test's transaction."""


@pytest.fixture
def national_team_lead(demo):
    """The demo team lead, given the permission to see every region and the national factsheet."""
    user = User.objects.get(username="teamlead")
    user.user_permissions.add(Permission.objects.get(codename="view_all_factsheets"))
    return User.objects.get(pk=user.pk)  # a fresh object: permissions are cached per instance
