# Short text fields refuse line breaks and control characters (kansrijk/core/validators.py).
# A validator is model state only: no SQL.

from django.db import migrations, models

import kansrijk.core.validators


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_move_sessions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="invitation",
            name="first_name",
            field=models.CharField(
                max_length=150,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="first name",
            ),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="last_name",
            field=models.CharField(
                max_length=150,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="last name",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="first_name",
            field=models.CharField(
                blank=True,
                max_length=150,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="first name",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="last_name",
            field=models.CharField(
                blank=True,
                max_length=150,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="last name",
            ),
        ),
    ]
