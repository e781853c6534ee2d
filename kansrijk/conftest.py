"""The named cast every test can use (docs/conventions.md, habit 8).

Region A is "Haaglanden" with the municipality Den Haag and one school there; region B is
"Oost-Nederland" with Enschede. The cast: a caseworker and a team lead in A, a caseworker in
B, a referrer of the Den Haag school, a relationship manager for Den Haag, a privacy officer
and an admin.
"""

import pytest
from django.core.cache import cache
from django.db import connection as default_connection
from django.db.backends.signals import connection_created
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.accounts.selectors import user_needs_second_factor
from kansrijk.core.dbroles import grant_application_role
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import Municipality, ReferrerOrganisation, Region, School


@pytest.fixture
def region_a(db):
    return Region.objects.create(name="Haaglanden")


@pytest.fixture
def region_b(db):
    return Region.objects.create(name="Oost-Nederland")


@pytest.fixture
def municipality_a(region_a):
    return Municipality.objects.create(name="Den Haag", region=region_a)


@pytest.fixture
def municipality_b(region_b):
    return Municipality.objects.create(name="Enschede", region=region_b)


@pytest.fixture
def school_a(municipality_a):
    return School.objects.create(brin="12AB", name="Het Zuiderlicht College", municipality=municipality_a)


@pytest.fixture
def school_b(municipality_b):
    return School.objects.create(brin="34CD", name="Twentse Brug Lyceum", municipality=municipality_b)


@pytest.fixture
def organisation_a(school_a):
    return ReferrerOrganisation.objects.create(
        name=school_a.name, kind=ReferrerKind.SCHOOL, municipality=school_a.municipality, school=school_a
    )


@pytest.fixture
def organisation_b(school_b):
    return ReferrerOrganisation.objects.create(
        name=school_b.name, kind=ReferrerKind.SCHOOL, municipality=school_b.municipality, school=school_b
    )


def _user(username, role, **extra):
    return User.objects.create_user(username=username, password="correct-horse-battery", role=role, **extra)


@pytest.fixture
def caseworker_a(region_a):
    return _user("anna", Role.CASEWORKER, region=region_a)


@pytest.fixture
def caseworker_a2(region_a):
    return _user("ahmed", Role.CASEWORKER, region=region_a)


@pytest.fixture
def team_lead_a(region_a):
    return _user("tineke", Role.TEAM_LEAD, region=region_a)


@pytest.fixture
def caseworker_b(region_b):
    return _user("bram", Role.CASEWORKER, region=region_b)


@pytest.fixture
def team_lead_b(region_b):
    return _user("bea", Role.TEAM_LEAD, region=region_b)


@pytest.fixture
def referrer_a(organisation_a):
    return _user("rik", Role.REFERRER, organisation=organisation_a)


@pytest.fixture
def relationship_manager_a(municipality_a):
    user = _user("romy", Role.RELATIONSHIP_MANAGER)
    user.municipalities.add(municipality_a)
    return user


@pytest.fixture
def privacy_officer(db):
    return _user("petra", Role.PRIVACY_OFFICER)


@pytest.fixture
def admin_user(db):
    return _user("bert", Role.ADMIN)


@pytest.fixture(autouse=True)
def _empty_cache():
    # The API's throttles count in the cache, per organisation and per client address (all
    # tests are 127.0.0.1): each test starts with no calls counted, whatever ran before it.
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2 with production iterations costs a noticeable fraction of a second per user; the
    # tests create many users and test no hashing strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_recovery_code_hashing(monkeypatch):
    # The same for recovery codes (kansrijk/accounts/recovery_codes.py): ten hashes per set of
    # codes, and a check of every code of a user per attempt. Each hash keeps its own number of
    # rounds, so checking stays right; test_recovery_codes_hashed.py tests the real number.
    monkeypatch.setattr("kansrijk.accounts.recovery_codes.ITERATIONS", 1)


class SecondFactorClient(Client):
    """A test client whose `force_login` also passes the second factor, as a real login would.

    Halt staff reach nothing but the two-step pages until a code from their authenticator app
    is accepted (kansrijk/accounts/middleware.py). The view tests are about their pages, not
    about logging in, so `force_login` here gives the user a confirmed TOTP device and marks
    the session verified exactly as django_otp.login() does: the device's persistent_id under
    DEVICE_ID_SESSION_KEY. The two-step login itself is tested with a plain django.test.Client
    (kansrijk/accounts/tests/).
    """

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if user_needs_second_factor(user):
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()


@pytest.fixture
def client():
    """pytest-django's `client`, with the second factor passed by force_login."""
    return SecondFactorClient()


def ensure_privacy_statements() -> None:
    """Version 1 of both privacy statements, as migration privacy.0002 installs them. Made here
    when missing: tests with a live server flush the database, which takes the migration's rows
    with it, and the tests after them would find none."""
    from kansrijk.privacy.models import PrivacyStatement
    from kansrijk.privacy.texts import FIRST_IN_FORCE, STATEMENTS

    for audience, title, body in STATEMENTS:
        PrivacyStatement.objects.get_or_create(
            audience=audience,
            version=1,
            defaults={"title": title, "body": body, "in_force_from": FIRST_IN_FORCE},
        )


@pytest.fixture
def privacy_statements(db):
    ensure_privacy_statements()


# On PostgreSQL the suite runs as the application's database role, as production does
# (kansrijk/core/dbroles.py): the owner (the connecting user) creates the test database and
# runs the migrations; then every connection switches to this role, which may read and write
# rows, and only SELECT and INSERT on the audit log. Only emptying the tables between
# transactional tests (Django's flush, a TRUNCATE) goes back to the owner for that statement.
APPLICATION_ROLE = "kansrijk_app_test"


def _run_as_application_role(sender, connection, **kwargs):
    if connection.vendor == "postgresql" and connection.alias != "__no_db__":
        with connection.cursor() as cursor:
            cursor.execute(f"SET ROLE {APPLICATION_ROLE}")


def _create_application_role(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "DO $$ BEGIN "
            f"CREATE ROLE {APPLICATION_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )
        database = connection.ops.quote_name(connection.settings_dict["NAME"])
        cursor.execute(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {APPLICATION_ROLE}")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    if default_connection.vendor != "postgresql":
        yield
        return
    operations = type(default_connection.ops)
    flush_as_application = operations.execute_sql_flush

    def flush_as_owner(self, sql_list):
        with self.connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
        try:
            flush_as_application(self, sql_list)
        finally:
            with self.connection.cursor() as cursor:
                cursor.execute(f"SET ROLE {APPLICATION_ROLE}")

    with django_db_blocker.unblock():
        _create_application_role(default_connection)
        grant_application_role(default_connection, APPLICATION_ROLE)
        _run_as_application_role(None, default_connection)
    connection_created.connect(_run_as_application_role, dispatch_uid="kansrijk.tests.application_role")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(operations, "execute_sql_flush", flush_as_owner)
        yield
    connection_created.disconnect(dispatch_uid="kansrijk.tests.application_role")
    with django_db_blocker.unblock(), default_connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
