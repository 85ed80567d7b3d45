"""The browser tests' own fixtures (tests/browser/conftest.py), as pytest-django changes."""

import pytest
from django.urls import reverse
from playwright.sync_api import Error, expect

pytestmark = pytest.mark.browser


def test_a_browser_test_that_only_reads_is_guarded_against_writes_not_flushed(page, request):
    # pytest-django's own _live_server_helper makes every live-server test transactional: a flush
    # after each one and no write guard. The suite's helper of that name replaces it; were it
    # renamed in pytest-django, both would run and this would fail.
    page.goto(reverse("about"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    assert "committed_data_read_only" in request.fixturenames
    assert "transactional_db" not in request.fixturenames


# An address on the public internet given as a name, as numbers (no resolver sees it) and as IPv6
# numbers; the addresses are the ones set aside for documentation (RFC 2606, 5737 and 3849).
ELSEWHERE = ["http://example.org/", "http://192.0.2.1/", "http://[2001:db8::1]/"]


@pytest.fixture
def unrouted_context(context):
    """The test's context without the routing conftest adds, as test_history's contexts are: the
    test must see what Chromium's own rule refuses."""
    context.unroute_all()
    return context


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
@pytest.mark.usefixtures("unrouted_context")
def test_chromium_sends_nothing_to_another_machine_even_through_a_redirect(
    page, traffic, settings, elsewhere
):
    # Chromium itself keeps every request on this machine (conftest.CHROMIUM_ARGS): it knows no
    # address but this machine's, so a request for anywhere else fails before anything is sent,
    # even a DNS query. A redirect's hop is refused the same way: the quick exit's, pointed
    # elsewhere. History tests route no requests through Playwright, so only this guards them.
    settings.QUICK_EXIT_URL = elsewhere

    for url in [elsewhere, reverse("leave")]:
        with pytest.raises(Error, match="net::ERR_NAME_NOT_RESOLVED"):
            page.goto(url)

    assert traffic.requests_elsewhere() == [elsewhere, elsewhere]
