"""Django's createsuperuser, with the password validators also in non-interactive mode.

Django checks AUTH_PASSWORD_VALIDATORS only when it asks for the password at the prompt; a
password from DJANGO_SUPERUSER_PASSWORD (what deployment scripts use) would pass unchecked.
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands.createsuperuser import Command as DjangoCommand
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


class Command(DjangoCommand):
    def handle(self, *args, **options):
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"] and password:
            username = options.get(get_user_model().USERNAME_FIELD) or ""
            try:
                validate_password(password, user=get_user_model()(username=username))
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
        return super().handle(*args, **options)
