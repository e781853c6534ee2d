# Consent moved to the interventions app (interventions 0014): only the model state leaves this
# app; the table `people_consent` stays as it is.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0005_constraints'),
        ('interventions', '0014_consent_moves_here'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(
                    name='Consent',
                ),
            ],
        ),
    ]
