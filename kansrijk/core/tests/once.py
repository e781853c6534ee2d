"""For tests that post forms as a browser does: with the one-time token of the page (core/once.py).

A POST without a token is processed as before, so most tests need none; the tests of exactly
once take the token from the rendered form (`form_token`) or make one (`with_token`).
"""

from __future__ import annotations

import re
import uuid

from kansrijk.core.once import FORM_FIELD

_FORMS = re.compile(r"<form\b(?P<attributes>[^>]*)>(?P<body>.*?)</form>", re.S)
_ACTION = re.compile(r'\baction="(?P<action>[^"]*)"')
_TOKEN = re.compile(rf'name="{FORM_FIELD}" value="(?P<token>[^"]+)"')


def posting_forms(page: str) -> list[tuple[str, str]]:
    """(action, body) of every form on `page` that posts; a form without an action posts to ''."""
    found = []
    for form in _FORMS.finditer(page):
        if 'method="post"' not in form["attributes"]:
            continue
        action = _ACTION.search(form["attributes"])
        found.append((action["action"] if action else "", form["body"]))
    return found


def form_token(page: str, action: str = "") -> str:
    """The one-time token of the form on `page` that posts to `action`."""
    for form_action, body in posting_forms(page):
        if form_action == action:
            token = _TOKEN.search(body)
            assert token, f"the form posting to {action!r} has no one-time token"
            return token["token"]
    raise AssertionError(f"no form posting to {action!r} on the page")


def with_token(data: dict, token: str | None = None) -> dict:
    """`data` with a one-time token, a new one unless `token` is given."""
    return {**data, FORM_FIELD: token or str(uuid.uuid4())}
