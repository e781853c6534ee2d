"""Search texts that stay out of the address (no personal data in URLs).

What is typed into a list's search box is often a young person's name. A GET form puts it in
the address, and from there in the browser's history, the access logs of the server and of any
proxy in between, the Referer of the next request and the `next` of a login redirect. So a
list's search form posts (CSRF-protected) to the list itself, which keeps the typed texts in
the user's session under an opaque random token and redirects to the list with
`?zoekopdracht=<token>` beside the structured filters (status, type, school year, sorting):
those name nobody and stay in the query string, so that the links to the other pages, the
sorting and the export keep working, and the export finds the same rows as the list.

A token means nothing outside the session that made it, and only the last TOKENS_KEPT are
kept. An unknown one (after logging in again, from another user, or simply too old) leads back
to the list without the text, with a message that says so; so does a text written into the
query string by hand, which is never searched for: the name would be in the logs already.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

SEARCH_PARAM = "zoekopdracht"
SESSION_KEY = "kansrijk_search_texts"
# Enough for the tabs and the back button of a working session; older searches are forgotten.
TOKENS_KEPT = 20
# The forms check their own maximum length and show the error; this only bounds what one
# search can add to the session.
TEXT_KEPT = 200


@dataclass(frozen=True)
class TextSearch:
    """A list's search form whose free-text fields are kept out of the URL.

    `list_name` is the URL name of the list; it scopes the tokens too, so that a search made on
    one list does not fill in another's form. Every other field of `form_class` is a structured
    filter and travels in the query string.
    """

    list_name: str
    form_class: type[forms.Form]
    text_fields: tuple[str, ...]

    def redirect(self, request: HttpRequest) -> HttpResponseRedirect:
        """The answer to the form's POST: the texts into the session, the filters into the URL.

        The page number is not a field, so a new search starts on the first page.
        """
        query = QueryDict(mutable=True)
        for name in self.form_class.base_fields:
            values = [value for value in request.POST.getlist(name) if value]
            if values and name not in self.text_fields:
                query.setlist(name, values)
        texts = {}
        for name in self.text_fields:
            if text := request.POST.get(name, "").strip()[:TEXT_KEPT]:
                texts[name] = text
        if texts:
            query[SEARCH_PARAM] = search_texts_keep(
                session=request.session, scope=self.list_name, texts=texts
            )
        return HttpResponseRedirect(_list_url(self.list_name, query))

    def data(self, request: HttpRequest) -> QueryDict | None:
        """The form data for a GET of the list (or its export): the query string, with the
        texts of its token filled in. None when the address should not be answered as it is:
        its token is unknown to this session, or it carries a search text itself."""
        data = request.GET.copy()
        if any(data.get(name) for name in self.text_fields):
            return None
        for name in self.text_fields:
            data.pop(name, None)
        token = data.pop(SEARCH_PARAM, [""])[-1]
        if token:
            texts = search_texts_find(session=request.session, scope=self.list_name, token=token)
            if texts is None:
                return None
            for name, text in texts.items():
                data[name] = text
        return data

    def forget(self, request: HttpRequest) -> HttpResponseRedirect:
        """Back to the list with the structured filters but without the text, saying why."""
        messages.warning(
            request,
            _(
                "This search is no longer known: search texts are kept only while you are logged "
                "in, and only your last searches. The list is shown without the search text; "
                "please search again."
            ),
        )
        query = request.GET.copy()
        for name in (*self.text_fields, SEARCH_PARAM, "page"):
            query.pop(name, None)
        return HttpResponseRedirect(_list_url(self.list_name, query))


def search_texts_keep(*, session: SessionBase, scope: str, texts: dict[str, str]) -> str:
    """Keep `texts` in `session` and return the token that names them from now on.

    The same search again gets its earlier token back, so that searching back and forth does
    not push other searches out.
    """
    kept = [entry for entry in session.get(SESSION_KEY, []) if isinstance(entry, dict)]
    again = next((e for e in kept if e.get("scope") == scope and e.get("texts") == texts), None)
    token = again["token"] if again else secrets.token_urlsafe(16)
    kept = [entry for entry in kept if entry is not again]
    kept.append({"token": token, "scope": scope, "texts": texts})
    session[SESSION_KEY] = kept[-TOKENS_KEPT:]
    return token


def search_texts_find(*, session: SessionBase, scope: str, token: str) -> dict[str, str] | None:
    """The texts `token` names in `session` for the list `scope`, or None when it names none."""
    for entry in session.get(SESSION_KEY, []):
        if isinstance(entry, dict) and entry.get("token") == token and entry.get("scope") == scope:
            return dict(entry["texts"])
    return None


def _list_url(name: str, query: QueryDict) -> str:
    url = reverse(name)
    return f"{url}?{query.urlencode()}" if query else url
