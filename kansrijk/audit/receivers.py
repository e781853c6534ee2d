"""The audit rows of what lower apps report by signal, for they cannot import this app."""

from __future__ import annotations

from typing import Any

from .events import Event
from .services import audit_record


def access_refused_record(*, user: Any, subject: Any, answer: int, **_kwargs: Any) -> None:
    """The receiver of `core.lookups.access_refused`: who was refused which object, and how.

    The object's type and uuid and the answer (404 or 403); never what the address or the
    object says, so nothing personal (ASVS 16.3.2).
    """
    audit_record(actor=user, event=Event.ACCESS_REFUSED, subject=subject, new={"answer": answer})
