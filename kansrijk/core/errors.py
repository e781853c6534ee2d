"""Domain errors: the one exception type a service raises for a step the rules forbid."""


class DomainError(Exception):
    """An illegal step in the workflow or a broken business rule.

    `message` is a translatable, human-readable sentence (shown to users as is);
    `code` is a stable machine-readable key for tests and API clients.
    """

    def __init__(self, message, *, code: str = "invalid"):
        super().__init__(str(message))
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return str(self.message)
