"""Fill the management remnant (0008) for interventions recorded before it existed."""

from django.db import migrations
from django.db.models import Min, OuterRef, Subquery
from django.db.models.functions import Coalesce, Least


def fill(apps, schema_editor):
    Intervention = apps.get_model("interventions", "Intervention")
    ParentContact = apps.get_model("interventions", "ParentContact")
    Conversation = apps.get_model("interventions", "Conversation")

    def first(model):
        return Subquery(
            model.objects.filter(intervention=OuterRef("pk"), date__isnull=False)
            .order_by()
            .values("intervention")
            .annotate(first=Min("date"))
            .values("first")
        )

    contact, conversation = first(ParentContact), first(Conversation)
    # Least of two possibly missing dates on both backends (SQLite's MIN(a, b) is NULL if either is).
    Intervention.objects.update(
        first_contact_date=Least(Coalesce(contact, conversation), Coalesce(conversation, contact))
    )
    # The repeat flags: the same statement the services use; it reads only table and column
    # names that this migration's state has.
    from kansrijk.interventions.remnant import refresh_repeat_flags

    refresh_repeat_flags()


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0008_management_remnant"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
