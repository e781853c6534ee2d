"""Every URL pattern of the project, asked by every role, about its own region's objects, another
region's and objects it has no relation to: the answer is the one in this table.

The table is the access rules of docs/process.md §3 written out per address; the access modules
(interventions/access.py, referrals/access.py, reports/access.py) are what meets them. A URL
pattern without an entry fails `test_every_url_pattern_has_an_entry`, so a new page cannot be
added without deciding who may open it.

Each user is in region A (Haaglanden): a caseworker, a team lead, a relationship manager for
the municipality Den Haag, a referrer of a Den Haag school, a privacy officer and a functional
administrator (who works in the Django admin). For pages about one object the objects are:

- own region: in Den Haag (region A), the caseworker's own case, the referrer's organisation;
- other region: in Enschede (region B), another team's;
- no relation: in region A but in another municipality (Delft), another caseworker's case,
  another organisation's referral; the relationship manager does not report to Delft.

Answers: 200, 403, 404, 405, LOGIN (302 to the login page: ours, or the admin's, which sends
there) and ELSEWHERE (302 to another page: on to the work, back to the file after a step).
POSTs carry no data (or the least a page needs to know its subject), so they change nothing
and show whether the user gets as far as the form. Each request runs in a savepoint that is
rolled back, so no answer depends on an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.throttling import SimpleRateThrottle

from kansrijk.accounts.models import User
from kansrijk.audit.tests.admin_objects import admin_world
from kansrijk.evaluations import services as evaluation_services
from kansrijk.interventions.consent import consent_record
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.tests.factories import make_intervention, make_referral
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import Municipality, ReferrerOrganisation, RegionPage
from kansrijk.reports import services as report_services
from kansrijk.reports.scope import Scope
from kansrijk.reports.views import default_period

__all__ = ["admin_world"]  # a fixture, for the admin's table at the end

LOGIN, ELSEWHERE = "LOGIN", "ELSEWHERE"
ROLES = (
    "anonymous",
    "caseworker",
    "team_lead",
    "relationship_manager",
    "referrer",
    "privacy_officer",
    "admin",
)
RELATIONS = ("own", "other", "none")  # own region, other region, no relation

# The one rule for Django's admin: its dozens of internal patterns are one entry, its index,
# which stands for all of them (the admin itself asks has_permission on every one).
ADMIN_NAMESPACE = "admin"
ADMIN_ENTRY = "admin/"


@dataclass
class World:
    users: dict[str, User | None]
    interventions: dict[str, Any]
    components: dict[str, Any]
    consents: dict[str, Any]
    referrals: dict[str, Any]
    municipalities: dict[str, Municipality]
    editions: dict[str, Any]
    evaluations: dict[str, Any]
    evaluation_token: str


@dataclass(frozen=True)
class Entry:
    method: str
    # (world, relation) -> (path, data): the address to ask, with its query or form data.
    ask: Callable[[World, str], tuple[str, dict]]
    # role -> one answer for every relation, or (own region, other region, no relation).
    answers: dict[str, Any]
    about_objects: bool = True  # False: the relation plays no part, ask once per role


def _page(name: str) -> Callable[[World, str], tuple[str, dict]]:
    return lambda world, relation: (reverse(name), {})


def _intervention(name: str, **data) -> Callable[[World, str], tuple[str, dict]]:
    return lambda world, relation: (reverse(name, args=[world.interventions[relation].uuid]), data)


def _referral(name: str) -> Callable[[World, str], tuple[str, dict]]:
    return lambda world, relation: (reverse(name, args=[world.referrals[relation].uuid]), {})


def _factsheet(name: str) -> Callable[[World, str], tuple[str, dict]]:
    def ask(world, relation):
        query = {
            "periode": str(default_period()),
            "scope": "gemeente",
            "naam": world.municipalities[relation].name,
        }
        if name == "reports:factsheet_publish":
            query["bevestigd"] = "ja"  # past the confirmation (reports/tests/test_published_edition.py)
        return reverse(name), query

    return ask


def _mark_component(world, relation):
    intervention = world.interventions[relation]
    return reverse(
        "interventions:mark_component", args=[intervention.uuid, world.components[relation].uuid]
    ), {}


def _withdraw_consent(world, relation):
    intervention = world.interventions[relation]
    return reverse(
        "interventions:withdraw_consent", args=[intervention.uuid, world.consents[relation].uuid]
    ), {}


def _edition(world, relation):
    return reverse("reports:edition_pdf", args=[world.editions[relation].uuid]), {}


def _evaluation(name: str) -> Callable[[World, str], tuple[str, dict]]:
    return lambda world, relation: (reverse(name, args=[world.evaluations[relation].uuid]), {})


def _evaluation_print(world, relation):
    evaluation = world.evaluations[relation]
    return reverse("evaluations:print", args=[evaluation.intervention.uuid, evaluation.uuid]), {}


def _evaluation_link(world, relation):
    evaluation = world.evaluations["own"]
    return reverse("evaluations:answer", args=[evaluation.uuid, world.evaluation_token]), {}


def _region_page(world, relation):
    page, _created = RegionPage.objects.get_or_create(
        slug="haaglanden",
        defaults={
            "region": world.municipalities["own"].region,
            "title": "Haaglanden",
            **{field: "Tekst." for field in ("introduction", "for_whom", "why", "approach", "parents")},
            **{field: "Tekst." for field in ("ending", "how_to_refer", "contact_name")},
        },
    )
    return reverse("regions:page", args=[page.slug]), {}


def _subject_request(name: str) -> Callable[[World, str], tuple[str, dict]]:
    """An access request about the young person of the region's own file, made for the ask."""

    def ask(world, relation):
        from kansrijk.rights.models import DataSubjectRequest

        young_person = world.interventions["own"].referral.young_person
        request, _created = DataSubjectRequest.objects.get_or_create(
            reference="AVG-2026-9999",
            defaults={
                "kind": "access",
                "subject_kind": "young_person",
                "young_person": young_person,
                "requester": "subject",
                "received_on": world.interventions["own"].referral_date,
                "due_on": world.interventions["own"].referral_date,
            },
        )
        return reverse(name, args=[request.uuid]), {}

    return ask


def _subject_person(world, relation):
    young_person = world.interventions[relation].referral.young_person
    return reverse("rights:register", args=["jongere", young_person.uuid]), {}


def _import_job(name: str) -> Callable[[World, str], tuple[str, dict]]:
    """A web import job that waits for its check, uploaded by the functional administrator."""

    def ask(world, relation):
        from kansrijk.interchange.models import ImportJob

        job, _created = ImportJob.objects.get_or_create(
            uploaded_by=world.users["admin"], defaults={"kind": "csv", "size": 1, "content": b"x"}
        )
        return reverse(name, args=[job.uuid]), {}

    return ask


def everyone(answer, **exceptions) -> dict[str, Any]:
    return {role: exceptions.get(role, answer) for role in ROLES}


# Halt staff of the region see its case files (docs/process.md §3): own and unrelated cases of region
# A, not region B's; nobody else sees case content, and a case they may not see "does not exist".
CASE_FILE = everyone(404, anonymous=LOGIN, caseworker=(200, 404, 200), team_lead=(200, 404, 200))
# Referrals: Halt staff of the region triage them; for everyone else their content is refused
# before it is looked up, so the answer tells nothing about what exists.
REFERRAL = everyone(403, anonymous=LOGIN, caseworker=(200, 404, 200), team_lead=(200, 404, 200))
# Deciding about a referral is for the region's team lead.
TRIAGE_DECISION = everyone(403, anonymous=LOGIN, caseworker=(403, 404, 403), team_lead=(200, 404, 200))
# Factsheets stay inside Halt: caseworkers and team leads for their region, relationship
# managers for their municipalities (Den Haag, not Delft), nobody else.
FACTSHEET = everyone(
    404,
    anonymous=LOGIN,
    caseworker=(200, 404, 200),
    team_lead=(200, 404, 200),
    relationship_manager=(200, 404, 404),
)
STAFF_PAGE = everyone(403, anonymous=LOGIN, caseworker=200, team_lead=200)
REFERRER_PAGE = everyone(403, anonymous=LOGIN, referrer=200)
# A referrer sees the status of their own organisation's referral, no other organisation's.
REFERRER_STATUS = everyone(403, anonymous=LOGIN, referrer=(200, 404, 404))
STEP = CASE_FILE
# Care reports are for the assigned professional and the region's team leads.
CARE_REPORT_STEP = {**CASE_FILE, "caseworker": (200, 404, 403)}
AUDIT_LOG = everyone(403, anonymous=LOGIN, privacy_officer=200)
# Data-subject requests are the privacy officer's, about anybody in any region; the steps on a
# request answer an empty POST with the form's errors (400), a correction of an access request
# with a message on the request's page.
SUBJECT_REQUESTS = AUDIT_LOG
SUBJECT_REQUEST_STEP = everyone(403, anonymous=LOGIN, privacy_officer=400)
# The web import is the functional administrator's, every job whoever uploaded it; everyone
# else is refused before a job is looked up.
IMPORT_PAGE = everyone(403, anonymous=LOGIN, admin=200)

MATRIX: dict[str, Entry] = {
    # Every role lands where its work is; the functional administrator on an overview.
    "": Entry("GET", _page("home"), everyone(ELSEWHERE, anonymous=LOGIN, admin=200), False),
    "werk/": Entry("GET", _page("work"), STAFF_PAGE, False),
    # The region's undeliverable e-mails (kind and reference only) are for its team lead.
    "werk/niet-bezorgde-e-mails/": Entry(
        "GET", _page("failed_mail"), everyone(403, anonymous=LOGIN, team_lead=200), False
    ),
    # Health checks for the load balancer: open to all, about nothing.
    "gezondheid/": Entry("GET", _page("health_live"), everyone(200), False),
    "gezondheid/gereed/": Entry("GET", _page("health_ready"), everyone(200), False),
    "inloggen/": Entry("GET", _page("login"), everyone(ELSEWHERE, anonymous=200), False),
    "inloggen/tweestaps/": Entry(
        "GET", _page("accounts:second_factor"), everyone(ELSEWHERE, anonymous=LOGIN), False
    ),
    "inloggen/tweestaps/instellen/": Entry(
        "GET", _page("accounts:second_factor_setup"), everyone(ELSEWHERE, anonymous=LOGIN), False
    ),
    # Everyone logged in manages their own password; recovery codes are for who has an app.
    "account/": Entry("GET", _page("account:index"), everyone(200, anonymous=LOGIN), False),
    "account/wachtwoord/": Entry("GET", _page("account:password"), everyone(200, anonymous=LOGIN), False),
    "account/herstelcodes/": Entry(
        "GET", _page("account:recovery_codes"), everyone(200, anonymous=LOGIN, referrer=403), False
    ),
    # Everyone logged in sees and ends their own sessions, and no one else's (the button names
    # no session: accounts/tests/test_sessions.py).
    "account/sessies/": Entry("GET", _page("account:sessions"), everyone(200, anonymous=LOGIN), False),
    "account/sessies/elders-uitloggen/": Entry(
        "POST", _page("account:sessions_end_others"), everyone(ELSEWHERE, anonymous=LOGIN), False
    ),
    "uitloggen/": Entry("POST", _page("logout"), everyone(LOGIN), False),
    # Django's i18n machinery: switching the language is open to everyone.
    "taal/setlang/": Entry(
        "POST",
        lambda world, relation: (reverse("set_language"), {"language": "en", "next": "/"}),
        everyone(ELSEWHERE),
        False,
    ),
    # The privacy statements are public, for everyone alike (also halfway through logging in).
    "privacy/": Entry("GET", _page("privacy_statement"), everyone(200), False),
    "privacy/<str:audience>/": Entry(
        "GET",
        lambda world, relation: (reverse("privacy_statement_current", args=["jongeren"]), {}),
        everyone(200),
        False,
    ),
    "privacy/<str:audience>/versie-<int:version>/": Entry(
        "GET",
        lambda world, relation: (reverse("privacy_statement_version", args=["ouders", 1]), {}),
        everyone(200),
        False,
    ),
    "interventies/": Entry("GET", _page("interventions:list"), STAFF_PAGE, False),
    # The CSV export of the search list is for team leads.
    "interventies/export.csv": Entry(
        "GET", _page("interventions:export"), everyone(403, anonymous=LOGIN, team_lead=200), False
    ),
    "interventies/<uuid:uuid>/": Entry("GET", _intervention("interventions:detail"), CASE_FILE),
    # Who viewed a file: for those who answer for it, like its care reports.
    "interventies/<uuid:uuid>/bekeken/": Entry(
        "GET", _intervention("interventions:viewers"), CARE_REPORT_STEP
    ),
    "interventies/<uuid:uuid>/notities/": Entry("POST", _intervention("interventions:add_note"), CASE_FILE),
    "interventies/<uuid:uuid>/onderdelen/<uuid:component_uuid>/afvinken/": Entry(
        "POST", _mark_component, CASE_FILE
    ),
    # Withdrawing consent is for the region's case workers, on open and ended files alike.
    "interventies/<uuid:uuid>/toestemming/<uuid:consent_uuid>/intrekken/": Entry(
        "POST", _withdraw_consent, CASE_FILE
    ),
    "interventies/<uuid:uuid>/toestemming/": Entry(
        "POST", _intervention("interventions:record_consent"), STEP
    ),
    "interventies/<uuid:uuid>/intake-plannen/": Entry(
        "POST", _intervention("interventions:plan_intake"), STEP
    ),
    "interventies/<uuid:uuid>/intake/": Entry("POST", _intervention("interventions:start"), STEP),
    "interventies/<uuid:uuid>/oudercontact/": Entry(
        "POST", _intervention("interventions:record_parent_contact"), STEP
    ),
    "interventies/<uuid:uuid>/gesprek/": Entry(
        "POST", _intervention("interventions:record_conversation"), STEP
    ),
    "interventies/<uuid:uuid>/afspraak/": Entry(
        "POST", _intervention("interventions:record_agreement"), STEP
    ),
    "interventies/<uuid:uuid>/onderdeel/": Entry("POST", _intervention("interventions:plan_component"), STEP),
    "interventies/<uuid:uuid>/herstel/": Entry(
        "POST", _intervention("interventions:record_restoration"), STEP
    ),
    "interventies/<uuid:uuid>/doorverwijzing/": Entry(
        "POST", _intervention("interventions:record_care_referral"), STEP
    ),
    "interventies/<uuid:uuid>/zorgmelding/": Entry(
        "POST", _intervention("interventions:record_care_report"), CARE_REPORT_STEP
    ),
    "interventies/<uuid:uuid>/afronden/": Entry("POST", _intervention("interventions:complete"), STEP),
    "interventies/<uuid:uuid>/stoppen/": Entry("POST", _intervention("interventions:stop"), STEP),
    "interventies/<uuid:uuid>/niet-gestart/": Entry("POST", _intervention("interventions:not_start"), STEP),
    "interventies/<uuid:uuid>/toewijzen/": Entry("POST", _intervention("interventions:assign"), STEP),
    "interventies/<uuid:uuid>/heropenen/": Entry("POST", _intervention("interventions:reopen"), STEP),
    "aanmeldingen/": Entry("GET", _page("referrals:list"), STAFF_PAGE, False),
    "aanmeldingen/<uuid:uuid>/": Entry("GET", _referral("referrals:detail"), REFERRAL),
    "aanmeldingen/<uuid:uuid>/in-behandeling/": Entry(
        "POST",
        _referral("referrals:start_review"),
        {**TRIAGE_DECISION, "team_lead": (ELSEWHERE, 404, ELSEWHERE)},
    ),
    "aanmeldingen/<uuid:uuid>/accepteren/": Entry("POST", _referral("referrals:accept"), TRIAGE_DECISION),
    "aanmeldingen/<uuid:uuid>/afwijzen/": Entry("POST", _referral("referrals:reject"), TRIAGE_DECISION),
    # The referrer's own pages: their organisation's referrals, status only. Everyone else is
    # refused before any lookup, so the answer tells nothing about what exists.
    "verwijzer/aanmeldingen/": Entry("GET", _page("portal:referrals"), REFERRER_PAGE, False),
    "verwijzer/aanmelden/": Entry("GET", _page("portal:new"), REFERRER_PAGE, False),
    "verwijzer/aanmeldingen/<uuid:uuid>/": Entry("GET", _referral("portal:status"), REFERRER_STATUS),
    "verwijzer/aanmeldingen/<uuid:uuid>/ingediend/": Entry(
        "GET", _referral("portal:submitted"), REFERRER_STATUS
    ),
    # Team leads invite referrers of their region's organisations, the administrator of any.
    "verwijzers/uitnodigen/": Entry(
        "GET", _page("invitation_create"), everyone(403, anonymous=LOGIN, team_lead=200, admin=200), False
    ),
    # The link from an invitation e-mail; an unknown (or used, or expired) token is not found.
    "uitnodiging/<str:token>/": Entry(
        "GET",
        lambda world, relation: (reverse("invitation_accept", args=["no-such-token"]), {}),
        everyone(404),
        False,
    ),
    # The link to choose a new password the administrator sent; likewise.
    "uitnodiging/<str:token>/wachtwoord/": Entry(
        "GET",
        lambda world, relation: (reverse("password_reset_accept", args=["no-such-token"]), {}),
        everyone(404),
        False,
    ),
    # The public region pages: no login.
    "regio/": Entry("GET", _page("regions:list"), everyone(200), False),
    "regio/<slug:slug>/": Entry("GET", _region_page, everyone(200), False),
    # The API answers partner systems with an organisation's key only: a login opens nothing.
    "api/v1/referrals/": Entry("GET", _page("api:referrals"), everyone(401), False),
    "api/v1/referrals/<uuid:uuid>/": Entry("GET", _referral("api:referral"), everyone(401)),
    # The schema and its documentation are public: they describe the API, not its data.
    "api/schema/": Entry("GET", _page("api:schema"), everyone(200), False),
    "api/docs/": Entry("GET", _page("api:docs"), everyone(200), False),
    "rapportages/": Entry("GET", _page("reports:index"), everyone(ELSEWHERE, anonymous=LOGIN), False),
    "rapportages/factsheet/": Entry("GET", _factsheet("reports:factsheet"), FACTSHEET),
    "rapportages/factsheet/pdf/": Entry("GET", _factsheet("reports:factsheet_pdf"), FACTSHEET),
    "rapportages/factsheet/csv/": Entry("GET", _factsheet("reports:factsheet_csv"), FACTSHEET),
    "rapportages/factsheet/json/": Entry("GET", _factsheet("reports:factsheet_json"), FACTSHEET),
    "rapportages/factsheet/redenen.svg": Entry("GET", _factsheet("reports:factsheet_chart"), FACTSHEET),
    # Publishing is for team leads and relationship managers, on the scopes they see.
    "rapportages/factsheet/publiceren/": Entry(
        "POST",
        _factsheet("reports:factsheet_publish"),
        {
            **FACTSHEET,
            "caseworker": (403, 404, 403),
            "team_lead": (ELSEWHERE, 404, ELSEWHERE),
            "relationship_manager": (ELSEWHERE, 404, 404),
        },
    ),
    "rapportages/edities/<uuid:uuid>/pdf/": Entry("GET", _edition, FACTSHEET),
    # Management figures are for team leads (of their own region).
    "rapportages/sturingsinformatie/": Entry(
        "GET", _page("reports:dashboard"), everyone(404, anonymous=LOGIN, team_lead=200), False
    ),
    # The audit log and its export are the privacy officer's alone.
    "auditlog/": Entry("GET", _page("audit:log"), AUDIT_LOG, False),
    "auditlog/export.csv": Entry("GET", _page("audit:export"), AUDIT_LOG, False),
    "privacyverzoeken/": Entry("GET", _page("rights:list"), SUBJECT_REQUESTS, False),
    "privacyverzoeken/nieuw/": Entry("GET", _page("rights:search"), SUBJECT_REQUESTS, False),
    "privacyverzoeken/nieuw/<str:kind>/<uuid:uuid>/": Entry("GET", _subject_person, SUBJECT_REQUESTS),
    "privacyverzoeken/<uuid:uuid>/": Entry("GET", _subject_request("rights:detail"), SUBJECT_REQUESTS, False),
    "privacyverzoeken/<uuid:uuid>/inzage.json": Entry(
        "GET", _subject_request("rights:export_json"), SUBJECT_REQUESTS, False
    ),
    "privacyverzoeken/<uuid:uuid>/inzage.pdf": Entry(
        "GET", _subject_request("rights:export_pdf"), SUBJECT_REQUESTS, False
    ),
    "privacyverzoeken/<uuid:uuid>/verlengen/": Entry(
        "POST", _subject_request("rights:extend"), SUBJECT_REQUEST_STEP, False
    ),
    "privacyverzoeken/<uuid:uuid>/afhandelen/": Entry(
        "POST", _subject_request("rights:handle"), SUBJECT_REQUEST_STEP, False
    ),
    "privacyverzoeken/<uuid:uuid>/corrigeren/": Entry(
        "POST",
        _subject_request("rights:correct"),
        {**SUBJECT_REQUEST_STEP, "privacy_officer": ELSEWHERE},
        False,
    ),
    "privacyverzoeken/<uuid:uuid>/wissen/": Entry(
        "POST", _subject_request("rights:erase"), SUBJECT_REQUEST_STEP, False
    ),
    # An empty upload is the form again with its error (200); confirming a job that is still
    # waiting for its check goes back to the job's page with a message and starts nothing.
    "importeren/": Entry("GET", _page("interchange:jobs"), IMPORT_PAGE, False),
    "importeren/<uuid:uuid>/": Entry("GET", _import_job("interchange:job"), IMPORT_PAGE, False),
    "importeren/<uuid:uuid>/voortgang/": Entry(
        "GET", _import_job("interchange:job_progress"), IMPORT_PAGE, False
    ),
    "importeren/<uuid:uuid>/importeren/": Entry(
        "POST", _import_job("interchange:job_confirm"), everyone(403, anonymous=LOGIN, admin=ELSEWHERE), False
    ),
    # The evaluation questionnaire is public: a valid link answers the same for everyone (an
    # invalid one is a friendly 404 or 410 page, kansrijk/evaluations/tests/test_links.py).
    "evaluatie/bedankt/": Entry("GET", _page("evaluations:thanks"), everyone(200), False),
    "evaluatie/<uuid:uuid>/<str:token>/": Entry("GET", _evaluation_link, everyone(200), False),
    # Quotes are reviewed by team leads of the evaluation's region; an empty POST is a form error.
    "evaluaties/citaten/": Entry(
        "GET", _page("evaluations:quotes"), everyone(404, anonymous=LOGIN, team_lead=200), False
    ),
    "evaluaties/citaten/<uuid:uuid>/": Entry(
        "POST",
        _evaluation("evaluations:quote_review"),
        everyone(404, anonymous=LOGIN, team_lead=(400, 404, 400)),
    ),
    # The printed invitation is made from the file, by who may see the file.
    "interventies/<uuid:uuid>/evaluaties/<uuid:evaluation_uuid>/printen/": Entry(
        "GET", _evaluation_print, CASE_FILE
    ),
    # The admin's login address forwards to the one two-step login; who is logged in but has no
    # admin access is refused there.
    "admin/login/": Entry(
        "GET",
        lambda world, relation: ("/admin/login/", {}),
        everyone(403, anonymous=LOGIN, admin=ELSEWHERE),
        False,
    ),
    # The Django admin, for the functional administrator; the admin sends anyone else to its
    # login address (the entry above), which refuses them.
    ADMIN_ENTRY: Entry("GET", _page("admin:index"), everyone(LOGIN, admin=200), False),
}


def project_url_patterns() -> list[str]:
    """Every URL pattern as its full route, walking the resolver; the admin's internals are one
    entry (ADMIN_ENTRY), by the one rule above."""

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if pattern.namespace == ADMIN_NAMESPACE:
                    yield route
                else:
                    yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route

    return list(walk(get_resolver().url_patterns, ""))


def test_every_url_pattern_has_an_entry():
    missing = [route for route in project_url_patterns() if route not in MATRIX]
    assert not missing, "URL patterns without an entry in the access matrix: " + ", ".join(
        repr(route) for route in missing
    )


def test_every_entry_is_a_url_pattern():
    stale = sorted(set(MATRIX) - set(project_url_patterns()))
    assert not stale, f"matrix entries for URL patterns that no longer exist: {stale}"


def test_every_entry_answers_every_role():
    for route, entry in MATRIX.items():
        assert set(entry.answers) == set(ROLES), route
        for role, answer in entry.answers.items():
            if isinstance(answer, tuple):
                assert entry.about_objects and len(answer) == len(RELATIONS), (route, role)


def _professional(intervention: Intervention) -> User:
    """The professional of an intervention the world made with one."""
    assert intervention.professional is not None, intervention
    return intervention.professional


@pytest.fixture
def world(
    caseworker_a,
    caseworker_a2,
    team_lead_a,
    caseworker_b,
    team_lead_b,
    relationship_manager_a,
    referrer_a,
    privacy_officer,
    admin_user,
    region_a,
    municipality_a,
    municipality_b,
    organisation_a,
    organisation_b,
    privacy_statements,
) -> World:
    admin_user.is_staff = True  # the functional administrator works in the Django admin
    admin_user.save()
    delft = Municipality.objects.create(name="Delft", region=region_a)
    delft_team = ReferrerOrganisation.objects.create(
        name="Wijkteam Delft", kind=ReferrerKind.NEIGHBOURHOOD_TEAM, municipality=delft
    )
    place = {
        "own": {"organisation": organisation_a, "professional": caseworker_a, "team_lead": team_lead_a},
        "other": {"organisation": organisation_b, "professional": caseworker_b, "team_lead": team_lead_b},
        "none": {"organisation": delft_team, "professional": caseworker_a2, "team_lead": team_lead_a},
    }
    interventions = {
        relation: make_intervention(status="in_progress", components=["reflection"], **options)
        for relation, options in place.items()
    }
    municipalities = {"own": municipality_a, "other": municipality_b, "none": delft}
    evaluations = {
        relation: next(
            e
            for e in evaluation_services.evaluations_invite(intervention=intervention, by=None)
            if e.respondent == "young_person"
        )
        for relation, intervention in interventions.items()
    }
    return World(
        users={
            "anonymous": None,
            "caseworker": caseworker_a,
            "team_lead": team_lead_a,
            "relationship_manager": relationship_manager_a,
            "referrer": referrer_a,
            "privacy_officer": privacy_officer,
            "admin": admin_user,
        },
        interventions=interventions,
        components={relation: i.components.get() for relation, i in interventions.items()},
        consents={
            relation: consent_record(
                intervention=i,
                by=_professional(i),
                purpose=ConsentPurpose.SHARE_WITH_REFERRER,
                given_on=i.referral_date,
                young_person=i.referral.young_person,
            )
            for relation, i in interventions.items()
        },
        referrals={
            relation: make_referral(organisation=options["organisation"])
            for relation, options in place.items()
        },
        municipalities=municipalities,
        editions={
            relation: report_services.edition_publish(
                period=default_period(),
                scope=Scope.of(municipalities[relation]),
                by=place[relation]["team_lead"],
            )
            for relation in RELATIONS
        },
        evaluations=evaluations,
        evaluation_token=evaluation_services.evaluation_print_link(
            evaluation=evaluations["own"], by=team_lead_a
        ),
    )


def _ask(client_class, user, method: str, path: str, data: dict) -> Any:
    """One request in a savepoint that is rolled back afterwards, as its answer in the table's terms."""
    with transaction.atomic():
        browser = client_class()
        if user is not None:
            browser.force_login(user)  # both steps: the suite's client passes the second factor
        response = browser.get(path, data) if method == "GET" else browser.post(path, data)
        transaction.set_rollback(True)
    if response.status_code != 302:
        return response.status_code
    target = urlsplit(response["Location"]).path
    return LOGIN if target in (reverse("login"), "/admin/login/") else ELSEWHERE


def test_every_role_gets_the_answer_in_the_matrix(client, world, monkeypatch):
    # Every role asks the API without a key: the address throttle for failed calls
    # (api/tests/test_api_referrals.py tests it) would answer 429 long before the matrix is done.
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "failed", "100000/minute")
    wrong = []
    for route, entry in MATRIX.items():
        for role in ROLES:
            answers = entry.answers[role]
            relations = RELATIONS if entry.about_objects else RELATIONS[:1]
            for index, relation in enumerate(relations):
                expected = answers[index] if isinstance(answers, tuple) else answers
                path, data = entry.ask(world, relation)
                actual = _ask(type(client), world.users[role], entry.method, path, data)
                if actual != expected:
                    wrong.append(
                        f"{entry.method} {route} as {role}, {relation}: {actual}, expected {expected}"
                    )
    assert not wrong, "\n".join(wrong)


def test_every_post_only_address_refuses_a_get(client, world, caseworker_a):
    client.force_login(caseworker_a)
    for route, entry in MATRIX.items():
        if entry.method == "POST" and route != "taal/setlang/":  # Django answers GET there too
            path, _data = entry.ask(world, "own")
            assert client.get(path).status_code == 405, route


# The lists whose search form posts to the list itself, which keeps the typed text in the
# session and redirects to the list (kansrijk/core/search.py): whoever may see the list gets
# that redirect, everyone else the list's own refusal.
SEARCH_POSTS = ("interventies/", "auditlog/")


def test_a_lists_search_is_answered_as_the_list_is(client, world):
    wrong = []
    for route in SEARCH_POSTS:
        entry = MATRIX[route]
        path, _data = entry.ask(world, "own")
        for role in ROLES:
            expected = ELSEWHERE if entry.answers[role] == 200 else entry.answers[role]
            actual = _ask(type(client), world.users[role], "POST", path, {"q": "Jansen", "actor": "Jansen"})
            if actual != expected:
                wrong.append(f"POST {route} as {role}: {actual}, expected {expected}")
    assert not wrong, "\n".join(wrong)


# --- the admin's change pages, for the functional administrator ---------------------------------
#
# The admin's internals are one entry above (ADMIN_ENTRY); what the functional administrator
# may do inside it is this table: every model's change page (and the user's password page), for
# their own account, another's and an operator's (superuser's), answered to a GET and to the
# page's own form sent back unchanged (as a browser would). The administrator is made as the demo
# makes them: staff, with the permissions of the apps they manage (kansrijk/demo/world.py).
# ELSEWHERE after the POST is "saved"; 403 is refused. A model registered without a row here
# fails `test_every_admin_model_has_a_change_page_entry`.

SAVED = ELSEWHERE
ADMIN_CHANGE_PAGES: dict[str, tuple[Any, Any]] = {
    # Their own account: the page opens and saves, role, region and flags read-only
    # (kansrijk/accounts/tests/test_admin_powers.py shows a changed role is not saved).
    "accounts.user own": (200, SAVED),
    "accounts.user other": (200, SAVED),
    # An operator's account: seen, not changed.
    "accounts.user operator": (200, 403),
    # Nobody's password is set in the admin, not even one's own (the account page does that).
    "accounts.user own password": (403, 403),
    "accounts.user other password": (403, 403),
    "accounts.user operator password": (403, 403),
    # Invitations are looked up; devices seen (without their keys) and deleted, never changed.
    "accounts.invitation": (200, 403),
    "otp_totp.totpdevice": (200, 403),
    "otp_static.staticdevice": (200, 403),
    # Groups are sets of permissions: for operators only.
    "auth.group": (403, 403),
    # Lockouts: seen, and lifted by deleting them.
    "axes.accessattempt": (200, SAVED),
    "axes.accesslog": (200, SAVED),
    "axes.accessfailurelog": (200, SAVED),
    "organisations.region": (200, SAVED),
    "organisations.municipality": (200, SAVED),
    "organisations.neighbourhood": (200, SAVED),
    "organisations.school": (200, SAVED),
    "organisations.referrerorganisation": (200, SAVED),
    "organisations.regionpage": (200, SAVED),
    # A published privacy statement is never changed.
    "privacy.privacystatement": (200, 403),
    "api.apitoken": (200, SAVED),
}
# The add pages that are refused to the functional administrator (the rest answer 200).
ADMIN_ADD_REFUSED = {
    "accounts.invitation",
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
    "auth.group",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
}


def _registered_admin_models() -> list[str]:
    from django.contrib import admin

    return sorted(model._meta.label_lower for model in admin.site._registry)


def test_every_admin_model_has_a_change_page_entry():
    covered = {key.split(" ")[0] for key in ADMIN_CHANGE_PAGES}
    assert covered == set(_registered_admin_models())


def _admin_page_url(key: str, objects: dict[str, Any], users: dict[str, User]) -> str:
    label, *which = key.split(" ")
    app_label, model_name = label.split(".")
    if label == "accounts.user":
        user = users[which[0]]
        if which[1:] == ["password"]:
            return reverse("admin:auth_user_password_change", args=[user.pk])
        return reverse("admin:accounts_user_change", args=[user.pk])
    return reverse(f"admin:{app_label}_{model_name}_change", args=[objects[label].pk])


def test_the_functional_administrator_gets_the_answer_in_the_admin_table(client, admin_world, caseworker_a):
    from django.contrib.auth.models import Permission

    from kansrijk.audit.tests.admin_objects import make_objects, read_form
    from kansrijk.demo.world import ADMIN_APPS

    beheerder = admin_world.operator.__class__.objects.create_user(
        username="beheerder", password="correct-horse-battery", role="admin", is_staff=True
    )
    beheerder.user_permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
    users = {"own": beheerder, "other": caseworker_a, "operator": admin_world.operator}
    objects = {label: make() for label, make in make_objects(admin_world).items()}
    wrong = []
    for key, (get_answer, post_answer) in ADMIN_CHANGE_PAGES.items():
        path = _admin_page_url(key, objects, users)
        with transaction.atomic():
            browser = type(client)()
            browser.force_login(beheerder)
            got = browser.get(path)
            data = read_form(browser, path) if got.status_code == 200 else {}
            posted = browser.post(path, data)
            transaction.set_rollback(True)
        answers = [
            response.status_code if response.status_code != 302 else ELSEWHERE for response in (got, posted)
        ]
        if answers != [get_answer, post_answer]:
            wrong.append(f"{key}: GET {answers[0]}, POST {answers[1]}; expected {get_answer}, {post_answer}")
    for label in _registered_admin_models():
        app_label, model_name = label.split(".")
        expected = 403 if label in ADMIN_ADD_REFUSED else 200
        actual = _ask(type(client), beheerder, "GET", reverse(f"admin:{app_label}_{model_name}_add"), {})
        if actual != expected:
            wrong.append(f"{label} add: {actual}, expected {expected}")
    assert not wrong, "\n".join(wrong)
