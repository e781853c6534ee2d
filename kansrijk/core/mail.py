"""E-mail from Kansrijk: plain text from a template, in Dutch, sent once the transaction commits.

Messages carry a link into Kansrijk and never personal details of young people or parents:
whoever reads the mail logs in to see more. They are sent after the commit, so a
change that is rolled back sends nothing, and a failing mail server cannot undo the change.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def absolute_url(view_name: str, *args: Any) -> str:
    return settings.SITE_URL + reverse(view_name, args=args)


def mail_send_on_commit(*, to: Iterable[str], subject, template: str, context: dict[str, Any]) -> None:
    """Send one message to each address after the current transaction commits."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return

    def send() -> None:
        with translation.override(settings.LANGUAGE_CODE):
            body = render_to_string(template, context)
            title = str(subject)
        for address in recipients:
            try:
                send_mail(title, body, None, [address])
            except OSError:
                # The change itself is committed; a mail server that is down must not turn it
                # into an error page. Logged without the address (personal data).
                logger.exception("could not send %s", template)

    transaction.on_commit(send)
