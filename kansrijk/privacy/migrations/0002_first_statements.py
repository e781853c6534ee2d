"""Version 1 of both privacy statements, so that every installation has them from the start.

Administrators add later versions in the admin; these texts are never edited in place.
"""

from django.db import migrations

from kansrijk.privacy.texts import FIRST_IN_FORCE, STATEMENTS

def create(apps, schema_editor):
    PrivacyStatement = apps.get_model("privacy", "PrivacyStatement")
    for audience, title, body in STATEMENTS:
        PrivacyStatement.objects.create(
            audience=audience, version=1, title=title, body=body, in_force_from=FIRST_IN_FORCE
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
