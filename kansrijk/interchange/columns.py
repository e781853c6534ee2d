"""The columns of the interchange format (docs/interchange.md), in the spec's order.

The export writes them in this order; the import accepts them in any order. Only the columns
marked `required` must be present in the header; the conditional ones (`school_brin` for
school interventions, `end_date` for ended states, …) are checked per row, so a file with only
neighbourhood interventions may leave the school columns out.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    required: bool


COLUMNS: tuple[Column, ...] = (
    Column("reference", required=True),
    Column("type", required=True),
    Column("region", required=True),
    Column("municipality", required=True),
    Column("school_brin", required=False),
    Column("school_name", required=False),
    Column("neighbourhood", required=False),
    Column("referral_date", required=True),
    Column("referrer_kind", required=True),
    Column("youth_id", required=True),
    Column("youth_birth_date", required=True),
    Column("youth_gender", required=False),
    Column("reasons", required=True),
    Column("status", required=True),
    Column("intake_date", required=False),
    Column("end_date", required=False),
    Column("outcome", required=False),
    Column("restoration", required=False),
    Column("parent_contacts", required=False),
    Column("care_referral", required=False),
    Column("care_reports", required=False),
)

COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)
REQUIRED_COLUMNS: frozenset[str] = frozenset(column.name for column in COLUMNS if column.required)
# Errors are reported per row in the spec's column order, whatever the order in the file.
COLUMN_POSITION: dict[str, int] = {name: position for position, name in enumerate(COLUMN_NAMES)}

# Separator inside the list columns (reasons, restoration, parent_contacts).
LIST_SEPARATOR = ";"
