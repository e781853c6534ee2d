"""Every Kansrijk management command can explain itself (`--help`) without crashing."""

import pytest
from django.core.management import get_commands, load_command_class

KANSRIJK_COMMANDS = sorted(name for name, app in get_commands().items() if app.startswith("kansrijk."))


def test_it_knows_the_documented_commands():
    assert {"factsheet", "import_interventions", "export_interventions", "load_demo", "demo_logins"} <= set(
        KANSRIJK_COMMANDS
    )


@pytest.mark.parametrize("name", KANSRIJK_COMMANDS)
def test_it_formats_the_help_text(name):
    command = load_command_class(get_commands()[name], name)
    text = command.create_parser("manage.py", name).format_help()
    assert f"manage.py {name}" in text
    assert command.help and command.help.split()[0] in text
