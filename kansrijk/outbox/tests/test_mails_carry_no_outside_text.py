"""No e-mail Kansrijk sends carries text typed by outsiders: every kind of e-mail, made while the
names and notes a referrer or partner system gave hold a line break and a link, has neither.

The names are stored past the fields' validation (the services take them as given), as data
from before it, or from a path that forgets it, would be: the e-mails must not depend on it.
"""

import datetime as dt

from django.utils import timezone

from kansrijk.accounts.services import invitation_create, password_reset_send
from kansrijk.evaluations.services import evaluations_remind
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.tests.factories import make_intervention, make_referral
from kansrijk.outbox.constants import MailKind
from kansrijk.outbox.models import OutgoingMail

# Short enough for every field it goes into (a phone number has 32 characters).
HOSTILE = "Kwaad\n\nhttps://evil.example/"
TRACES = ("Kwaad", "evil.example")


def _hostile_referral() -> dict:
    return {
        "young_person_data": {
            "first_name": HOSTILE,
            "last_name": HOSTILE,
            "email": "sem@example.org",
            "phone": HOSTILE,
            "school_class": HOSTILE,
            "address_area": HOSTILE,
        },
        "parents": [
            {
                "first_name": HOSTILE,
                "last_name": HOSTILE,
                "relation": HOSTILE,
                "phone": HOSTILE,
                "email": "marieke@example.org",
            }
        ],
        "description": HOSTILE,
    }


def test_no_email_carries_the_names_or_notes_outsiders_typed(
    django_capture_on_commit_callbacks, referrer_a, team_lead_a, admin_user, organisation_a
):
    team_lead_a.email = "tineke@halt.example.nl"
    team_lead_a.save()
    referrer_a.first_name, referrer_a.last_name = HOSTILE, HOSTILE
    referrer_a.email = "rik@school.example.nl"
    referrer_a.save()

    with django_capture_on_commit_callbacks(execute=True):
        # Submitted, accepted, ended: to the team lead, the referrer, and the evaluations.
        make_intervention(
            status="completed",
            referred_by=referrer_a,
            team_lead=team_lead_a,
            consents=(ConsentPurpose.SHARE_WITH_REFERRER,),
            **_hostile_referral(),
        )
        make_referral(status="rejected", referred_by=referrer_a, team_lead=team_lead_a, **_hostile_referral())
        evaluations_remind(now=timezone.now() + dt.timedelta(days=8))
        invitation_create(
            email="nieuw@school.example.nl",
            first_name=HOSTILE,
            last_name=HOSTILE,
            organisation=organisation_a,
            by=team_lead_a,
        )
        password_reset_send(user=referrer_a, by=admin_user)

    mails = list(OutgoingMail.objects.all())
    assert {mail.kind for mail in mails} == set(MailKind.values), "every kind of e-mail is made here"
    for mail in mails:
        for trace in TRACES:
            assert trace not in mail.subject, (mail.kind, mail.subject)
            assert trace not in mail.body, (mail.kind, mail.body)


def test_the_evaluation_invitation_addresses_the_respondent_by_role(
    django_capture_on_commit_callbacks, referrer_a
):
    referrer_a.email = "rik@school.example.nl"
    referrer_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        make_intervention(
            status="completed",
            referred_by=referrer_a,
            consents=(ConsentPurpose.SHARE_WITH_REFERRER,),
            young_person_data={"first_name": "Sem", "email": "sem@example.org"},
            parents=[{"first_name": "Marieke", "email": "marieke@example.org"}],
        )

    openings = {
        mail.to: mail.body.splitlines()[0]
        for mail in OutgoingMail.objects.filter(kind=MailKind.EVALUATION_INVITATION)
    }
    assert openings == {
        "sem@example.org": "Hallo,",
        "marieke@example.org": "Beste ouder/verzorger,",
        "rik@school.example.nl": "Beste verwijzer,",
    }
