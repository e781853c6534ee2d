"""The demo's places, organisations and accounts."""

from __future__ import annotations

import random
import unicodedata

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.utils.text import slugify

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import (
    Municipality,
    Neighbourhood,
    ReferrerOrganisation,
    Region,
    RegionPage,
    School,
)

from . import data, wording
from .planned import World
from .totp import demo_totp_devices_create

# The referrer kinds every municipality has an organisation for, besides its schools.
LOCAL_ORGANISATIONS = {
    ReferrerKind.POLICE: "Politie basisteam {m}",
    ReferrerKind.BOA: "Handhaving {m} (BOA)",
    ReferrerKind.MUNICIPALITY: "Gemeente {m}",
    ReferrerKind.NEIGHBOURHOOD_TEAM: "Wijkteam {m}",
    ReferrerKind.YOUTH_WORK: "Jongerenwerk {m}",
}
# Reserved for the test cast in conftest.py, so demo data and fixtures never clash.
RESERVED_BRIN = {"12AB", "34CD"}
# Django admin apps the functional administrator manages: accounts and reference lists, no cases;
# and the two-step devices and login lockouts, to reset a lost phone or lift a lock.
ADMIN_APPS = ("accounts", "organisations", "otp_totp", "otp_static", "axes", "api", "privacy")


def ascii_slug(text: str) -> str:
    """'Ayşe El Amrani' -> 'ayseelamrani', for invented usernames and e-mail addresses."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def world_create(*, rng: random.Random) -> tuple[World, dict[str, User]]:
    """Regions, municipalities, neighbourhoods, schools, organisations and users."""
    regions = {name: Region(name=name) for name in data.REGIONS}
    Region.objects.bulk_create(regions.values())

    municipalities, municipality_weight, raw_weight, neighbourhoods = [], {}, {}, {}
    hoods = []
    for region_name, entries in data.REGIONS.items():
        region_total = sum(weight for _, weight, _ in entries)
        for name, weight, names in entries:
            municipality = Municipality(name=name, region=regions[region_name])
            municipalities.append(municipality)
            hoods.append((municipality, names))
            raw_weight[name] = weight
            municipality_weight[name] = data.REGION_WEIGHTS[region_name] * weight / region_total
    Municipality.objects.bulk_create(municipalities)
    hood_rows = []
    for municipality, names in hoods:
        pairs = []
        for name in names:
            hood = Neighbourhood(name=name, municipality=municipality)
            hood_rows.append(hood)
            pairs.append((hood, data.NEIGHBOURHOOD_BOOST.get((municipality.name, name), 1)))
        neighbourhoods[municipality.pk] = pairs
    Neighbourhood.objects.bulk_create(hood_rows)

    schools, school_kind, school_size = _schools(rng, municipalities, raw_weight)
    organisations, school_organisation = _organisations(municipalities, schools)
    den_haag = next(m for m in municipalities if m.name == data.DEN_HAAG)
    referrer_school = next(
        s for s in schools if s.municipality is den_haag and school_kind[s.pk] == "secondary"
    )

    users, caseworkers, team_leads = _users(
        rng, regions, municipalities, school_organisation[referrer_school.pk]
    )
    _region_pages(regions, team_leads)
    world = World(
        municipalities=municipalities,
        municipality_weight={m.pk: municipality_weight[m.name] for m in municipalities},
        neighbourhoods=neighbourhoods,
        schools=schools,
        school_kind=school_kind,
        school_size=school_size,
        organisations=organisations,
        school_organisation=school_organisation,
        caseworkers=caseworkers,
        team_leads=team_leads,
        referrer_school=referrer_school,
        region_by_name=regions,
    )
    return world, users


def _region_pages(regions: dict[str, Region], team_leads: dict[int, User]) -> None:
    """A public page per region, its team lead the contact person. Uses no randomness, so the
    rest of the demo comes out the same as without it."""
    pages = []
    for index, (name, region) in enumerate(sorted(regions.items()), start=1):
        slug = slugify(name)
        lead = team_leads[region.pk]
        pages.append(
            RegionPage(
                region=region,
                slug=slug,
                title=name,
                contact_name=lead.get_full_name(),
                contact_phone=f"06 - 0000 00{index:02d}",
                contact_email=f"{slug}@halt.example.nl",
                **{field: text.format(region=name) for field, text in wording.REGION_PAGE.items()},
            )
        )
    RegionPage.objects.bulk_create(pages)


def _schools(rng, municipalities, raw_weight):
    """TOTAL_SCHOOLS schools spread over the municipalities by size, at least one each."""
    total_weight = sum(raw_weight.values())
    spare = data.TOTAL_SCHOOLS - len(municipalities)
    shares = [(m, spare * raw_weight[m.name] / total_weight) for m in municipalities]
    counts = {m: 1 + int(share) for m, share in shares}
    left = data.TOTAL_SCHOOLS - sum(counts.values())
    by_remainder = sorted(shares, key=lambda pair: (-(pair[1] - int(pair[1])), pair[0].name))
    for municipality, _ in by_remainder[:left]:
        counts[municipality] += 1

    kinds = list(data.SCHOOL_KINDS)
    kind_weights = [data.SCHOOL_KINDS[k][0] for k in kinds]
    size_factor = {"primary": 0.4, "secondary": 1.2, "vocational": 1.0}
    used_brin, used_names = set(RESERVED_BRIN), set()
    schools, kind_list, size_list = [], [], []
    for municipality in municipalities:
        for index in range(counts[municipality]):
            # The demo referrer works at the first school of Den Haag: make it a secondary school.
            if municipality.name == data.DEN_HAAG and index == 0:
                kind = "secondary"
            else:
                kind = rng.choices(kinds, weights=kind_weights)[0]
            name = rng.choice(data.SCHOOL_NAME_PATTERNS[kind]).format(w=rng.choice(data.SCHOOL_NAME_WORDS))
            if name in used_names:
                name = f"{name} {municipality.name}"
            while name in used_names:
                name = rng.choice(data.SCHOOL_NAME_PATTERNS[kind]).format(
                    w=rng.choice(data.SCHOOL_NAME_WORDS)
                )
                name = f"{name} {municipality.name}"
            used_names.add(name)
            brin = _brin(rng, used_brin)
            schools.append(School(brin=brin, name=name, municipality=municipality))
            kind_list.append(kind)
            size_list.append(size_factor[kind] * rng.uniform(0.4, 1.6))
    School.objects.bulk_create(schools)
    school_kind = {school.pk: kind for school, kind in zip(schools, kind_list, strict=True)}
    school_size = {school.pk: size for school, size in zip(schools, size_list, strict=True)}
    return schools, school_kind, school_size


def _brin(rng, used: set[str]) -> str:
    """An invented BRIN code: two digits and two capital letters, unique."""
    letters = "ABCDEFGHJKLMNPRSTVWXZ"
    while True:
        code = f"{rng.randint(0, 99):02d}{rng.choice(letters)}{rng.choice(letters)}"
        if code not in used:
            used.add(code)
            return code


def _organisations(municipalities, schools):
    rows, organisations, school_organisation = [], {}, {}
    for school in schools:
        org = ReferrerOrganisation(
            name=school.name, kind=ReferrerKind.SCHOOL, municipality=school.municipality, school=school
        )
        rows.append(org)
        school_organisation[school.pk] = org
    for municipality in municipalities:
        for kind, pattern in LOCAL_ORGANISATIONS.items():
            org = ReferrerOrganisation(
                name=pattern.format(m=municipality.name), kind=kind, municipality=municipality
            )
            rows.append(org)
            organisations[(municipality.pk, kind)] = org
    ReferrerOrganisation.objects.bulk_create(rows)
    return organisations, school_organisation


def _users(rng, regions, municipalities, referrer_organisation):
    """The documented demo accounts, plus an invented team per region."""
    password = make_password(data.DEMO_PASSWORD)  # hashing is slow: once, shared by every account
    taken: set[str] = set()

    def user(username, role, first_name, last_name, **extra) -> User:
        taken.add(username)
        return User(
            username=username,
            password=password,
            role=role,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@example.nl",
            **extra,
        )

    def invented(role, region) -> User:
        while True:
            first = rng.choice(data.MEN + data.WOMEN)
            last = rng.choice(data.LAST_NAMES)
            username = f"{ascii_slug(first)}.{ascii_slug(last)}"
            if username not in taken:
                return user(username, role, first, last, region=region)

    logins = {username: (role, first, last) for username, role, first, last in data.DEMO_LOGINS}
    haaglanden, rotterdam = regions[data.HAAGLANDEN], regions[data.ROTTERDAM]
    placement = {
        "teamlead": {"region": haaglanden},
        "medewerker": {"region": haaglanden},
        "medewerker2": {"region": rotterdam},
        "verwijzer": {"organisation": referrer_organisation},
        "beheerder": {"is_staff": True},
    }
    users = {name: user(name, *logins[name], **placement.get(name, {})) for name in logins}

    rows = list(users.values())
    # The demo caseworkers carry a full caseload, so their worklists have something to show.
    demo_caseworkers = {haaglanden: users["medewerker"], rotterdam: users["medewerker2"]}
    caseworkers, team_leads = {}, {}
    for region in regions.values():
        if region is haaglanden:
            team_leads[region.pk] = users["teamlead"]
        else:
            team_leads[region.pk] = invented(Role.TEAM_LEAD, region)
            rows.append(team_leads[region.pk])
        team = [(invented(Role.CASEWORKER, region), 1.0) for _ in range(data.CASEWORKERS_PER_REGION)]
        rows += [member for member, _ in team]
        if region in demo_caseworkers:
            team.append((demo_caseworkers[region], 1.5))
        caseworkers[region.pk] = team
    User.objects.bulk_create(rows)
    demo_totp_devices_create(users=rows)

    users["relatiemanager"].municipalities.set([m for m in municipalities if m.region is haaglanden])
    users["beheerder"].user_permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
    return users, caseworkers, team_leads
