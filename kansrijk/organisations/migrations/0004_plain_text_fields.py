# Short text fields refuse line breaks and control characters (kansrijk/core/validators.py).
# A validator is model state only: no SQL.

from django.db import migrations, models

import kansrijk.core.validators


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_constraints"),
    ]

    operations = [
        migrations.AlterField(
            model_name="municipality",
            name="name",
            field=models.CharField(
                max_length=100,
                unique=True,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="name",
            ),
        ),
        migrations.AlterField(
            model_name="neighbourhood",
            name="name",
            field=models.CharField(
                max_length=100,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="name",
            ),
        ),
        migrations.AlterField(
            model_name="referrerorganisation",
            name="name",
            field=models.CharField(
                max_length=200,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="name",
            ),
        ),
        migrations.AlterField(
            model_name="region",
            name="name",
            field=models.CharField(
                max_length=100,
                unique=True,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="name",
            ),
        ),
        migrations.AlterField(
            model_name="regionpage",
            name="contact_name",
            field=models.CharField(
                max_length=120,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="contact person",
            ),
        ),
        migrations.AlterField(
            model_name="regionpage",
            name="contact_phone",
            field=models.CharField(
                blank=True,
                max_length=32,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="contact phone",
            ),
        ),
        migrations.AlterField(
            model_name="regionpage",
            name="title",
            field=models.CharField(
                max_length=120,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="title",
            ),
        ),
        migrations.AlterField(
            model_name="school",
            name="brin",
            field=models.CharField(
                help_text="The school's institution code, e.g. 12AB.",
                max_length=6,
                unique=True,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="BRIN code",
            ),
        ),
        migrations.AlterField(
            model_name="school",
            name="name",
            field=models.CharField(
                max_length=200,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="name",
            ),
        ),
    ]
