"""Give every evaluation the region of its municipality before the composite foreign key
(PostgreSQL, a later migration of this app) requires it.

A evaluation can only differ when its municipality was moved to another region after it was
made; it follows the municipality, as that key (ON UPDATE CASCADE) makes every later move do.
Idempotent; backwards there is nothing to undo.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Evaluation = apps.get_model("evaluations", "Evaluation")
    Municipality = apps.get_model("organisations", "Municipality")
    region_of_municipality = Subquery(
        Municipality.objects.filter(pk=OuterRef("municipality_id")).values("region_id")[:1]
    )
    Evaluation.objects.exclude(region_id=region_of_municipality).update(region_id=region_of_municipality)


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0001_initial"),
        ("organisations", "0002_regionpage"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
