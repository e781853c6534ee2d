from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """makemessages without fuzzy matching.

    msgmerge's guesses ("School interventions" → "Schoolverzuim") are wrong more often than
    right for short labels, and a fuzzy entry silently shows English. A new text starts empty,
    so the translation test names it.
    """

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
