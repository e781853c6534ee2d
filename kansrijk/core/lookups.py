"""Finding one object by the uuid in an address: found among what the user may see, or 404.

The access modules pass the queryset of what `user` may see; an object that exists but is not
visible, and an address that is not a uuid at all, get the same answer as one that does not
exist, so that nobody learns from the answer whether something is there.

A refusal is recorded, though (ASVS 16.3.2): when the object of the address exists and the
answer is 404 or 403 all the same, `access_refused` is sent, and the audit app writes a row
naming the user and the object (type and uuid), nothing else. An address of nothing that
exists (mistyped, or of something removed) is no attempt at anybody's data and writes no row;
the answer to the user is the same either way.
"""

from __future__ import annotations

import uuid as uuid_module
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.dispatch import Signal
from django.http import Http404

M = TypeVar("M", bound=Model)

# Sent when a user is refused an object that exists: keyword arguments `user`, `subject` (the
# object, with only its key and uuid loaded) and `answer` (404 or 403). The audit app receives
# it (kansrijk/audit/apps.py); core cannot import the audit app, which sits above it.
access_refused = Signal()


def uuid_or_404(value: Any) -> uuid_module.UUID:
    """The uuid in an address; Http404 for anything else."""
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        raise Http404 from None


def visible_or_404(visible: QuerySet[M], value: Any, *, user: Any) -> M:
    """The object with uuid `value` among `visible`, what `user` may see; Http404 when it is
    not there, recorded as a refusal when it exists all the same.

    `user` is None only where a miss is no refusal to record: the caller is no user (the API's
    partner systems, answered the status only), or may see every such object and finds none
    only because its data were removed.

    No ORDER BY (a uuid is unique, and an order would only add plans for the database to weigh)
    and LIMIT 1 (a visibility filter that joins may repeat a row).
    """
    key = uuid_or_404(value)
    found = list(visible.filter(uuid=key).order_by()[:1])
    if not found:
        _record_refusal(visible.model, key, user=user, answer=404)
        raise Http404
    return found[0]


def forbidden(model: type[Model], value: Any, *, user: Any) -> PermissionDenied:
    """The 403 for `user`, who may not have the `model` with uuid `value`: recorded as a refusal
    when that object exists. Returned, for the caller to raise (`raise forbidden(...)`).

    For a user refused before the lookup (a role that never sees such objects) as well as one
    refused what they found (a care report step on a file they may only read).
    """
    try:
        key = uuid_module.UUID(str(value))
    except ValueError:
        return PermissionDenied()
    _record_refusal(model, key, user=user, answer=403)
    return PermissionDenied()


def _record_refusal(model: type[Model], key: uuid_module.UUID, *, user: Any, answer: int) -> None:
    if user is None:
        return
    # The unfiltered table: whether the object exists at all, whoever may see it.
    subject = model._base_manager.filter(uuid=key).only("pk", "uuid").order_by().first()
    if subject is not None:
        access_refused.send(sender=model, user=user, subject=subject, answer=answer)
