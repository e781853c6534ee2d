"""Recovery codes: random, shown once, stored only as a salted PBKDF2 hash (ASVS 6.5.2).

A code is 8 base32 characters, typed by hand: 40 bits. That is too few for the plain SHA-256 of
core/tokens.py, whose tokens have 256 bits: trying all 2^40 codes against a fast hash takes a
graphics card minutes. So each code gets a password hash: PBKDF2-SHA256 with a random salt of its
own (Django's, about 128 bits) and ITERATIONS rounds.

Not Django's configured password hasher: its 1,000,000 rounds cost about 0.4 s, and a typed code
has to be checked against each of the user's up to ten codes (a salted hash cannot be looked
up), so seconds per attempt and per set of new codes. 100,000 rounds keep ten checks under half
a second here, while trying all codes against one stolen hash still takes some 10^17 HMAC
computations: months of a graphics card, per code. Online guessing is slowed down by django-otp's
throttling long before that matters.

Neither the hash nor the salt depends on SECRET_KEY: rotating the key leaves the codes working.
The number of rounds is stored in each hash, so raising ITERATIONS later keeps older codes valid.
"""

from __future__ import annotations

import secrets

from django.contrib.auth.hashers import PBKDF2PasswordHasher

CODE_LENGTH = 8
ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"  # base32, lower case: 5 bits a character
ITERATIONS = 100_000


_HASHER = PBKDF2PasswordHasher()


def recovery_code_new() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def recovery_code_hash(code: str) -> str:
    """The stored form of `code`: algorithm, rounds, salt and hash, as Django writes passwords."""
    return _HASHER.encode(code, _HASHER.salt(), iterations=ITERATIONS)


def recovery_code_matches(code: str, encoded: str) -> bool:
    """Whether `code` is the one behind `encoded`, with the rounds written in it."""
    return _HASHER.verify(code, encoded)
