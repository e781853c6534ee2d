"""Secret tokens in links and keys: random, shown once, stored only as a SHA-256 hash.

Evaluation links, referrer invitations and API keys all use these two functions.

A token has 256 bits of randomness, so a plain (unsalted) hash is enough to make a stolen
database useless for answering, and it can be looked up by equality.
"""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
