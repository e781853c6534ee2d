"""Searching a list the way its form does (kansrijk/core/search.py): post the fields, follow
the redirect to the list's address with its token. Shared by the list tests of several apps."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit


def search_location(client, url: str, headers=None, **fields) -> str:
    """Post `fields` to the list at `url`: the address the answer redirects to."""
    response = client.post(url, fields, headers=headers)
    assert response.status_code == 302, response.status_code
    return response["Location"]


def search_query(client, url: str, **fields) -> str:
    """The query string the list's search puts in its address, "?..." (or "" for none), to ask
    another address of the list with, such as its export."""
    query = urlsplit(search_location(client, url, **fields)).query
    return f"?{query}" if query else ""


def search_get(client, url: str, headers=None, page=None, **fields):
    """Post `fields` to the list at `url` and get the list it redirects to (at `page`); the
    answer to the post itself when it does not redirect (a refusal)."""
    response = client.post(url, fields, headers=headers)
    if response.status_code != 302:
        return response
    location = response["Location"]
    if page:
        location += ("&" if "?" in location else "?") + f"page={page}"
    return client.get(location, headers=headers)


def query_of(location: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(location).query)
