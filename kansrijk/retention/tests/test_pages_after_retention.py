"""A case whose personal data were removed still opens, as an empty remnant, without errors."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from kansrijk.interchange.exporter import interventions_export
from kansrijk.interventions.tests.factories import make_intervention, make_referral
from kansrijk.retention.services import retention_apply

LATER = dt.datetime(2030, 1, 6, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_the_file_and_the_referral_open_without_the_removed_data(client, team_lead_a, caseworker_a):
    intervention = make_intervention(status="completed", professional=caseworker_a, parent_contacts=["phone"])
    rejected = make_referral(status="rejected", team_lead=team_lead_a)
    name = intervention.referral.young_person.last_name
    with time_machine.travel(LATER, tick=False):
        assert retention_apply().referrals == 2
        client.force_login(team_lead_a)
        for url in (
            reverse("interventions:detail", args=[intervention.uuid]),
            reverse("referrals:detail", args=[intervention.referral.uuid]),
            reverse("referrals:detail", args=[rejected.uuid]),
            reverse("interventions:list"),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            assert name not in response.content.decode(), url
        file = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
        assert "De persoonsgegevens in dit dossier zijn op 06-01-2030 verwijderd" in file


def test_the_export_leaves_the_removed_birth_date_empty(caseworker_a):
    make_intervention(status="completed", professional=caseworker_a)
    with time_machine.travel(LATER, tick=False):
        retention_apply()

    class Out(list):
        def write(self, text):
            self.append(text)

    out = Out()
    assert interventions_export(out=out) == 1
    assert "Sem" not in "".join(out)
