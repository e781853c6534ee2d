# Short text fields refuse line breaks and control characters (kansrijk/core/validators.py).
# A validator is model state only: no SQL.

from django.db import migrations, models

import kansrijk.core.validators


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0005_region_of_municipality"),
    ]

    operations = [
        migrations.AlterField(
            model_name="referral",
            name="other_care_description",
            field=models.CharField(
                blank=True,
                max_length=300,
                validators=[kansrijk.core.validators.no_control_characters],
                verbose_name="which care",
            ),
        ),
    ]
