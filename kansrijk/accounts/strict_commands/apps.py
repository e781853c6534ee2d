from django.apps import AppConfig


class StrictCommandsConfig(AppConfig):
    """Django's own management commands, made stricter. Listed before django.contrib.auth in
    INSTALLED_APPS: of two commands with one name, the earlier app's wins."""

    name = "kansrijk.accounts.strict_commands"
    label = "accounts_strict_commands"
