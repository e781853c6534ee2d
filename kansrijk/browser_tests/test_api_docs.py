"""The API's browsable docs work under our Content-Security-Policy: Swagger UI from our own
static files, its set-up script a file of its own, and the browser refuses nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_api_docs_show_the_operations_without_csp_violations(page, db):
    refused = []
    page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: refused.append(request.url))

    page.goto("/api/docs/")

    expect(page.get_by_text("/api/v1/referrals/", exact=True).first).to_be_visible()
    expect(page.get_by_text("Submit a referral")).to_be_visible()
    assert refused == []
