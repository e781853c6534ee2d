"""Small helpers for the report tests: interventions of one school year, pages as text."""

from __future__ import annotations

import datetime as dt
import html
import io
import re

from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.tests.factories import make_intervention

PERIOD = SchoolYear.parse("2024-2025")
# A day inside PERIOD, long enough before today that every workflow step fits after it.
IN_PERIOD = dt.date(2024, 10, 1)


def school_interventions(school, count: int, **options) -> list:
    """`count` completed school interventions at `school` referred on IN_PERIOD (+ n days)."""
    options.setdefault("status", "completed")
    return [
        make_intervention(school=school, referral_date=IN_PERIOD + dt.timedelta(days=n), **options)
        for n in range(count)
    ]


def words(markup: str) -> str:
    """The visible text of an HTML page on one line, entities decoded."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def text_of_pdf(pdf: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def factsheet_url(fmt: str = "", **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in {"periode": str(PERIOD), **params}.items())
    return f"/rapportages/factsheet/{fmt}?{query}"
