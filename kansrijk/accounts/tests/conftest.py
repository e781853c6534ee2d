import pytest
from django.test import Client


@pytest.fixture
def browser():
    """A plain django.test.Client: unlike the suite's `client`, its force_login does not pass
    the second factor, so these tests see the two-step login as a person does."""
    return Client()


@pytest.fixture
def beheerder(admin_user):
    """The functional administrator as the demo makes them: staff, with the model permissions of
    the apps they manage (kansrijk/demo/world.py), not a superuser."""
    from django.contrib.auth.models import Permission

    from kansrijk.demo.world import ADMIN_APPS

    admin_user.is_staff = True
    admin_user.save()
    admin_user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
    return admin_user
