"""The browser tests' own fixtures (tests/browser/conftest.py), as pytest-django changes."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_browser_test_that_only_reads_is_guarded_against_writes_not_flushed(page, request):
    # pytest-django's own _live_server_helper makes every live-server test transactional: a flush
    # after each one and no write guard. The suite's helper of that name replaces it; were it
    # renamed in pytest-django, both would run and this would fail.
    page.goto(reverse("about"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    assert "committed_data_read_only" in request.fixturenames
    assert "transactional_db" not in request.fixturenames
