"""The one rounding rule of published percentages."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def percentage(numerator: int, denominator: int) -> int | None:
    """100 * numerator / denominator rounded half up to a whole number; None for 0/0."""
    if not denominator:
        return None
    exact = Decimal(100 * numerator) / Decimal(denominator)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
