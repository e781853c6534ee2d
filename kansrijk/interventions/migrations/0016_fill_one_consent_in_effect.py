"""Before the constraint of 0017: one consent in effect per person, purpose and intervention.

Where a person's consent to a purpose was recorded twice (a double-clicked form) and neither was
withdrawn, the earliest stays and each later one is marked withdrawn on the day it was given: a
consent withdrawn on its own day never counts (`consent_in_effect`), and the earliest covers
every day a later one did, so what is in effect on any day stays as it was. The rows stay, as
withdrawn consents do, so the file still shows what was recorded.
"""

from django.db import migrations


def withdraw_later_duplicates(apps, schema_editor):
    Consent = apps.get_model("interventions", "Consent")
    seen = set()
    active = Consent.objects.filter(withdrawn_on__isnull=True).order_by("given_on", "id")
    for consent in active.only("id", "intervention_id", "purpose", "young_person_id", "parent_id", "given_on"):
        key = (consent.intervention_id, consent.purpose, consent.young_person_id, consent.parent_id)
        if key in seen:
            Consent.objects.filter(pk=consent.pk).update(withdrawn_on=consent.given_on)
        else:
            seen.add(key)


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0015_versions"),
    ]

    operations = [
        migrations.RunPython(withdraw_later_duplicates, migrations.RunPython.noop, elidable=True),
    ]
