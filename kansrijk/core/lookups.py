"""Finding one object by the uuid in an address: found among what the user may see, or 404.

The access modules pass the queryset of what `user` may see; an object that exists but is not
visible, and an address that is not a uuid at all, get the same answer as one that does not
exist, so that nobody learns from the answer whether something is there.
"""

from __future__ import annotations

import uuid as uuid_module
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


def uuid_or_404(value: Any) -> uuid_module.UUID:
    """The uuid in an address; Http404 for anything else."""
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        raise Http404 from None


def visible_or_404(visible: QuerySet[M], value: Any) -> M:
    """The object with uuid `value` among `visible`; Http404 when it is not there.

    No ORDER BY (a uuid is unique, and an order would only add plans for the database to weigh)
    and LIMIT 1 (a visibility filter that joins may repeat a row).
    """
    found = list(visible.filter(uuid=uuid_or_404(value)).order_by()[:1])
    if not found:
        raise Http404
    return found[0]
