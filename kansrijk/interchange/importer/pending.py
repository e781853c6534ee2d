"""What the import keeps about a row between checking it and writing it.

A `Youth` per youth_id seen in the file (its first birth date, and its young person in
Kansrijk once looked up or created) and a `Pending` row: a valid row with the organisations it
was matched to, waiting for its batch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kansrijk.organisations.models import Neighbourhood, School

from ..parser import InterventionRow


class Youth:
    """What the import knows of one youth_id; `pk` is None until looked up or created."""

    __slots__ = ("birth_date", "row", "gender", "pk", "resolved", "kansrijk_birth_date")

    def __init__(self, birth_date: dt.date, row: int, gender: str):
        self.birth_date = birth_date
        self.row = row
        self.gender = gender
        self.pk: int | None = None
        self.resolved = False
        self.kansrijk_birth_date: dt.date | None = None  # set when Kansrijk disagrees


@dataclass(slots=True)
class Pending:
    row: InterventionRow
    region_id: int
    municipality_id: int
    # Instances, not ids: schools and neighbourhoods new in this batch get their ids when the
    # batch is written.
    school: School | None
    neighbourhood: Neighbourhood | None
