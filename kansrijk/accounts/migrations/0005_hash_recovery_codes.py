"""The recovery codes django-otp kept as plain text (`StaticToken`) become hashed `RecoveryCode`s.

Each unused code is hashed as kansrijk/accounts/recovery_codes.py hashes new ones (the hasher is
written out here, so that a later change there does not change this migration), then every
plain code is deleted. Codes keep working as the user typed them: the two-step form writes them
in lower case without spaces or dashes, so that is how they are hashed.

About 40 ms per code: a few minutes for a thousand users with ten codes each.

Backwards, nothing is restored: the plain codes are gone. Users with an app then have no
recovery codes until they get new ones on their account page.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import migrations

SEPARATORS = str.maketrans("", "", " -\t")
BATCH = 500


class _Hasher(PBKDF2PasswordHasher):
    iterations = 100_000


def hash_plain_codes(apps, schema_editor):
    StaticToken = apps.get_model("otp_static", "StaticToken")
    RecoveryCode = apps.get_model("accounts", "RecoveryCode")
    hasher = _Hasher()
    rows = []
    for token in StaticToken.objects.order_by("pk").iterator():
        code = token.token.translate(SEPARATORS).lower()
        rows.append(RecoveryCode(device_id=token.device_id, code_hash=hasher.encode(code, hasher.salt())))
        if len(rows) == BATCH:
            RecoveryCode.objects.bulk_create(rows)
            rows = []
    RecoveryCode.objects.bulk_create(rows)
    StaticToken.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_recovery_code"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_plain_codes, migrations.RunPython.noop)]
