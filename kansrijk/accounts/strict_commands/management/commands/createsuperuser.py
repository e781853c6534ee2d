"""Django's createsuperuser, with the password validators binding in both modes.

Django checks AUTH_PASSWORD_VALIDATORS only when it asks for the password at the prompt; a
password from DJANGO_SUPERUSER_PASSWORD (what deployment scripts use) would pass unchecked. And
at the prompt it offers to "bypass password validation and create user anyway": here the answer
is always no, and the prompt asks for another password.
"""

import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands import createsuperuser as django_createsuperuser
from django.contrib.auth.management.commands.createsuperuser import Command as DjangoCommand
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

BYPASS_PROMPT = "Bypass password validation"


def _input_without_bypass(prompt: str = "") -> str:
    """The prompt's input(), except that the offer to skip the password rules is declined."""
    if prompt.startswith(BYPASS_PROMPT):
        sys.stderr.write("Kansrijk does not allow skipping the password rules: choose another password.\n")
        return "n"
    return input(prompt)


class Command(DjangoCommand):
    def handle(self, *args, **options):
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"]:
            if password:
                username = options.get(get_user_model().USERNAME_FIELD) or ""
                try:
                    validate_password(password, user=get_user_model()(username=username))
                except ValidationError as error:
                    raise CommandError(" ".join(error.messages)) from None
            return super().handle(*args, **options)
        # Django's module calls the built-in input(); a module global of that name comes first.
        django_createsuperuser.input = _input_without_bypass  # type: ignore[attr-defined]
        try:
            return super().handle(*args, **options)
        finally:
            del django_createsuperuser.input  # type: ignore[attr-defined]
