"""The search texts a session keeps for its lists' addresses (kansrijk/core/search.py): under
random tokens, per list, the last twenty only."""

from django.contrib.sessions.backends.db import SessionStore

from kansrijk.core.search import TOKENS_KEPT, search_texts_find, search_texts_keep


def test_it_finds_the_texts_by_their_token_for_the_same_list_only(db):
    session = SessionStore()
    token = search_texts_keep(session=session, scope="interventions:list", texts={"q": "de Jong"})

    assert search_texts_find(session=session, scope="interventions:list", token=token) == {"q": "de Jong"}
    assert search_texts_find(session=session, scope="audit:log", token=token) is None
    assert search_texts_find(session=SessionStore(), scope="interventions:list", token=token) is None
    assert "Jong" not in token


def test_its_tokens_are_random_and_the_same_search_keeps_its_own(db):
    session = SessionStore()
    first = search_texts_keep(session=session, scope="interventions:list", texts={"q": "Bakker"})
    other = search_texts_keep(session=session, scope="interventions:list", texts={"q": "Visser"})
    again = search_texts_keep(session=session, scope="interventions:list", texts={"q": "Bakker"})
    elsewhere = search_texts_keep(session=session, scope="audit:log", texts={"q": "Bakker"})

    assert first == again
    assert len({first, other, elsewhere}) == 3
    assert len(first) >= 20
    assert (
        search_texts_keep(session=SessionStore(), scope="interventions:list", texts={"q": "Bakker"}) != first
    )


def test_it_keeps_the_last_twenty_searches(db):
    session = SessionStore()

    def keep(text):
        return search_texts_keep(session=session, scope="interventions:list", texts={"q": text})

    def find(token):
        return search_texts_find(session=session, scope="interventions:list", token=token)

    tokens = [keep(f"naam {number}") for number in range(TOKENS_KEPT)]
    # Searching the first one again makes it the newest, so the second is the oldest when a
    # twenty-first search comes.
    keep("naam 0")
    newest = keep("naam 20")

    assert TOKENS_KEPT == 20
    assert find(tokens[1]) is None
    assert find(tokens[0]) == {"q": "naam 0"}
    assert all(find(token) == {"q": f"naam {number}"} for number, token in enumerate(tokens) if number > 1)
    session.save()
    stored = SessionStore(session_key=session.session_key)
    assert len(stored["kansrijk_search_texts"]) == TOKENS_KEPT
    assert search_texts_find(session=stored, scope="interventions:list", token=newest) == {"q": "naam 20"}
