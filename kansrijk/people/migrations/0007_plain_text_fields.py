# Short text fields refuse line breaks and control characters (kansrijk/core/validators.py).
# A validator is model state only: no SQL.

from django.db import migrations, models

import kansrijk.core.validators


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0006_consent_moves_to_interventions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="parent",
            name="first_name",
            field=models.CharField(
                blank=True,
                max_length=100,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="first name",
            ),
        ),
        migrations.AlterField(
            model_name="parent",
            name="last_name",
            field=models.CharField(
                blank=True,
                max_length=150,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="last name",
            ),
        ),
        migrations.AlterField(
            model_name="parent",
            name="phone",
            field=models.CharField(
                blank=True,
                max_length=32,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="phone",
            ),
        ),
        migrations.AlterField(
            model_name="parent",
            name="relation",
            field=models.CharField(
                blank=True,
                help_text="E.g. mother, father, carer.",
                max_length=50,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="relation",
            ),
        ),
        migrations.AlterField(
            model_name="victim",
            name="contact_details",
            field=models.CharField(
                blank=True,
                max_length=200,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="contact details",
            ),
        ),
        migrations.AlterField(
            model_name="victim",
            name="name",
            field=models.CharField(
                blank=True,
                max_length=200,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="name",
            ),
        ),
        migrations.AlterField(
            model_name="youngperson",
            name="address_area",
            field=models.CharField(
                blank=True,
                help_text="Postcode area or neighbourhood.",
                max_length=100,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="address area",
            ),
        ),
        migrations.AlterField(
            model_name="youngperson",
            name="external_id",
            field=models.CharField(
                blank=True,
                help_text="Stable pseudonymous id from the interchange file or the old registration.",
                max_length=64,
                null=True,
                unique=True,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="pseudonymous id",
            ),
        ),
        migrations.AlterField(
            model_name="youngperson",
            name="first_name",
            field=models.CharField(
                blank=True,
                max_length=100,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="first name",
            ),
        ),
        migrations.AlterField(
            model_name="youngperson",
            name="last_name",
            field=models.CharField(
                blank=True,
                max_length=150,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="last name",
            ),
        ),
        migrations.AlterField(
            model_name="youngperson",
            name="phone",
            field=models.CharField(
                blank=True,
                max_length=32,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="phone",
            ),
        ),
        migrations.AlterField(
            model_name="youngperson",
            name="school_class",
            field=models.CharField(
                blank=True,
                max_length=50,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="class",
            ),
        ),
    ]
