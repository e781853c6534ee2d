"""Make existing interventions satisfy the constraints of 0012 and 0013 before they are added.

- Stopped and not-started interventions without a reason: the import wrote those before it
  set one (the interchange format has no reason column, docs/interchange.md §3); they get
  "other", which the import now writes too.
- An intervention whose region is not its municipality's (a municipality moved to another
  region after the file was made): it follows the municipality, as the composite foreign key
  of 0013 (ON UPDATE CASCADE) makes every later move do.

Both are idempotent; backwards there is nothing to undo.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Intervention = apps.get_model("interventions", "Intervention")
    Municipality = apps.get_model("organisations", "Municipality")

    Intervention.objects.filter(status="stopped", stop_reason="").update(stop_reason="other")
    Intervention.objects.filter(status="not_started", not_started_reason="").update(
        not_started_reason="other"
    )
    region_of_municipality = Subquery(
        Municipality.objects.filter(pk=OuterRef("municipality_id")).values("region_id")[:1]
    )
    Intervention.objects.exclude(region_id=region_of_municipality).update(region_id=region_of_municipality)


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0010_region_reference_index"),
        ("organisations", "0002_regionpage"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
