"""Fill the factsheet's remnant flags on existing interventions from their case rows.

One UPDATE with an EXISTS subquery per flag, so a database of a million interventions is
filled in seconds. Reversing is a no-op: 0003 drops the columns when it is reversed.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef

MODE_FLAGS = {
    "face_to_face": "parent_contact_face_to_face",
    "digital": "parent_contact_digital",
    "phone": "parent_contact_phone",
}


def fill_flags(apps, schema_editor):
    Intervention = apps.get_model("interventions", "Intervention")
    RestorationAction = apps.get_model("interventions", "RestorationAction")
    ParentContact = apps.get_model("interventions", "ParentContact")
    # One statement for all four flags: each row is rewritten once, not four times.
    Intervention.objects.update(
        has_restoration=Exists(RestorationAction.objects.filter(intervention=OuterRef("pk"))),
        **{
            flag: Exists(ParentContact.objects.filter(intervention=OuterRef("pk"), mode=mode))
            for mode, flag in MODE_FLAGS.items()
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0003_remnant_flags"),
    ]

    operations = [
        migrations.RunPython(fill_flags, migrations.RunPython.noop),
    ]
