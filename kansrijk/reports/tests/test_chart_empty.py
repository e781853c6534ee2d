"""The reasons chart when every count is hidden: a Dutch sentence that fits, not pygal's
"No data" in letters too large for the chart."""

from django.utils import translation

from kansrijk.reports.charts import reasons_chart
from kansrijk.reports.published import Figure


def _reason(code: str, value: int | None, *, hidden: bool) -> Figure:
    return Figure(
        key=f"top_reasons.{code}", label=code, kind="count", value=value, previous=None, hidden=hidden
    )


def test_a_chart_of_hidden_counts_says_so_in_dutch():
    with translation.override("nl"):
        svg = reasons_chart([_reason("theft", 3, hidden=True), _reason("vandalism", None, hidden=True)])

    assert "No data" not in svg
    assert 'class="no_data">Geen reden komt vaak genoeg voor om te tonen</text>' in svg
    assert ">3<" not in svg  # the hidden count is not drawn


def test_a_chart_with_shown_counts_draws_them():
    with translation.override("nl"):
        svg = reasons_chart([_reason("theft", 12, hidden=False), _reason("vandalism", 3, hidden=True)])

    assert 'class="no_data"' not in svg
    assert '">12</text>' in svg and ">3<" not in svg
