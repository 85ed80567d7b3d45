"""Real-browser fixtures: Debian's Chromium, driven by Playwright, against a live Django server.

The browser is the system's /usr/bin/chromium (`apt-get install chromium`): never run
`playwright install`, which downloads a browser of its own (design §9). Each test gets a fresh
browser context whose every request is recorded and whose requests to any other host are refused,
so no test sends anything off this machine. A failing test leaves a screenshot in test-artifacts/.
"""

import http.server
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.handlers.wsgi import WSGIHandler
from django.urls import reverse
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Request,
    Route,
    expect,
    sync_playwright,
)
from pytest_django.live_server_helper import LiveServer

from services.roles import CASEWORKER

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium calls Google's hosts, which this network
# refuses; --no-sandbox because the tests run as root.
# The resolver rule keeps every request on this machine, in Chromium itself, so that it holds for
# redirects too (Playwright cannot route the hop a redirect makes): every host but this machine's is
# unknown, an address written as numbers included, so nothing, not even a DNS query, leaves it
# (tests/browser/test_suite_fixtures.py). The context fixture below also routes every request, and
# refuses those for other hosts: a second guard, and the timing the finder's map tests were made
# under (without it, two CI runs of two each failed a different timing-dependent test).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
# Google's Chrome keeps pages marked Cache-Control: no-store (every page here) in its back/forward
# cache and restores them unless the site's cookies changed meanwhile; Chromium as Debian builds
# it has the feature but leaves it at "never" without Google's field-trial settings, so the tests
# set it as Chrome has it (https://developer.chrome.com/docs/web-platform/bfcache-ccns).
KEEP_NO_STORE_PAGES_AS_CHROME_DOES = (
    "--enable-features=CacheControlNoStoreEnterBackForwardCache:level/restore-unless-cookie-change"
)
# The design system glides every scroll (scroll-behavior: smooth), as when a search's page opens at
# its answer. Playwright reads where an element is and then clicks there, so a click made while the
# page still glides can land where the element was: the no-JavaScript quick exit then sent no
# request at all (5 of 70 tries at 1280 px on a loaded machine, 0 of 40 with reduced motion). The
# tests ask for reduced motion, which the site honours (scrolls jump), so a click lands where aimed.
REDUCED_MOTION = {"reduced_motion": "reduce"}
ARTIFACTS = settings.BASE_DIR / "test-artifacts"
# A cheap phone's screen and a laptop's.
SCREEN_SIZES = [(360, 740), (1280, 800)]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Remembers whether the test itself failed, for the page fixture to photograph the page.
    report = yield
    if report.when == "call":
        item.failed_in_call = report.failed
    return report


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    """pytest-django's live server, serving static files the way production does.

    pytest-django serves /static/ through the staticfiles finders, which know only unhashed names;
    the pages ask for the hashed, compressed files that collectstatic wrote (see tests/conftest.py),
    which WhiteNoise serves from inside the application, as it does in production.
    """
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda media_files_handler: WSGIHandler()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _live_server_helper(
    request: pytest.FixtureRequest, flush_empties_everything_unless_asked
) -> Iterator[None]:
    """pytest-django's own helper of this name makes every test that uses the live server
    transactional: each one's closing flush emptied the database and the next put the seed back
    (about half a second a test on PostgreSQL), and committed_data_read_only never saw a test's
    writes, as it stands down for a transactional test.

    Here a live-server test is transactional only when it asks (``reference_data_committed`` or
    ``transactional_db``, also part-way); any other reads the data as committed, and
    committed_data_read_only fails it if it wrote. (After flush_empties_everything_unless_asked,
    which would otherwise undo what those fixtures ask of the closing flush.)"""
    if "live_server" not in request.fixturenames:
        yield
        return
    asked = {"reference_data_committed", "transactional_db"} & set(request.fixturenames)
    request.getfixturevalue(asked.pop() if asked else "committed_data_read_only")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    # Playwright's synchronous API keeps an asyncio loop running in this thread, which Django
    # takes for an async context and refuses database calls in (test set-up and flushes). The
    # tests' database code is synchronous all the same, so the guard is lifted while it runs.
    with pytest.MonkeyPatch.context() as environment, sync_playwright() as playwright:
        environment.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser_with_back_forward_cache(playwright) -> Iterator[Browser]:
    """Chromium as people have it. Playwright switches the back/forward cache off, so that Back
    loads a page again (and Chromium fills its form in from history); with the cache on, Back
    can show the page as it was left, whole."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, KEEP_NO_STORE_PAGES_AS_CHROME_DOES],
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield browser
    browser.close()


@dataclass
class Traffic:
    """What the pages of one browser context asked for, said in the console, and kept."""

    context: BrowserContext
    origin: str
    requests: list[str] = field(default_factory=list)
    finished: list[Request] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def requests_elsewhere(self) -> list[str]:
        """Requests for anything but this site's own URLs (data: URLs are not requests)."""
        return [url for url in self.requests if not url.startswith((self.origin + "/", "data:"))]

    def cookies(self) -> list[dict]:
        return self.context.cookies()

    def bytes_received(self) -> int:
        """Bytes over the wire for finished requests: headers plus the body as sent (compressed)."""
        sizes = [request.sizes() for request in self.finished]
        return sum(size["responseHeadersSize"] + size["responseBodySize"] for size in sizes)


@pytest.fixture
def context_options() -> dict:
    """Options for the test's browser context. Parametrize a test on this name to change them,
    e.g. ``@pytest.mark.parametrize("context_options", [{"java_script_enabled": False}])``."""
    return {}


def new_context(browser: Browser, live_server: LiveServer, options: dict) -> BrowserContext:
    """A browser context on the live server, with reduced motion unless the options say."""
    return browser.new_context(base_url=live_server.url, **{**REDUCED_MOTION, **options})


@pytest.fixture
def context(browser, live_server, context_options) -> Iterator[BrowserContext]:
    context = new_context(browser, live_server, context_options)

    def refuse_other_hosts(route: Route) -> None:
        if route.request.url.startswith(live_server.url + "/"):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", refuse_other_hosts)
    yield context
    context.close()


@pytest.fixture
def traffic(context, live_server) -> Traffic:
    """Records every request and console error of every page in the test's context."""
    traffic = Traffic(context, live_server.url)
    context.on("request", lambda request: traffic.requests.append(request.url))
    context.on("requestfinished", lambda request: traffic.finished.append(request))
    context.on(
        "console",
        lambda message: message.type == "error" and traffic.console_errors.append(message.text),
    )
    context.on("weberror", lambda error: traffic.console_errors.append(str(error.error)))
    return traffic


@pytest.fixture
def page(context, traffic, request) -> Iterator[Page]:
    page = context.new_page()
    yield page
    if getattr(request.node, "failed_in_call", False):
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=ARTIFACTS / "failures" / f"{name}.png", full_page=True)


class NeutralPage(http.server.BaseHTTPRequestHandler):
    """Plays the quick exit's neutral site (a weather page) on this machine."""

    body = b"<!doctype html><title>Weather</title><h1>Weather</h1>"

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format, *args) -> None:
        pass


@pytest.fixture(scope="session")
def neutral_site_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NeutralPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/weather"
    server.shutdown()
    server.server_close()


@pytest.fixture
def neutral_site(neutral_site_server, settings) -> str:
    """Points the quick exit at a stand-in on this machine instead of the real neutral site.

    /leave answers with a redirect, and Playwright cannot route a redirect's target, so the
    target itself must be local for the browser to land somewhere without leaving the machine.
    """
    settings.QUICK_EXIT_URL = neutral_site_server
    return neutral_site_server


@pytest.fixture
def screenshots(page) -> Callable[[str], list[Path]]:
    """Saves the whole current page as test-artifacts/screenshots/NAME-WIDTH.png at each size."""

    def save(name: str) -> list[Path]:
        paths = []
        for width, height in SCREEN_SIZES:
            page.set_viewport_size({"width": width, "height": height})
            path = ARTIFACTS / "screenshots" / f"{name}-{width}.png"
            page.screenshot(path=path, full_page=True)
            paths.append(path)
        return paths

    return save


@pytest.fixture
def signed_in_admin(context, live_server, client, django_user_model, reference_data_committed):
    """The browser carries the session of a superuser signed in through Django's test client."""
    admin = django_user_model.objects.create_superuser("admin", "admin@example.invalid", "pw")
    client.force_login(admin)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def sign_in_as_caseworker(page: Page, request: pytest.FixtureRequest) -> None:
    """A new caseworker account, signed in through the real sign-in form. The account and its
    session are written, so the test's database becomes transactional: emptied of them when it
    ends (tests/conftest.py, committed_data_read_only)."""
    request.getfixturevalue("transactional_db")
    user = get_user_model().objects.create_user("casey", password="a long passphrase 42")
    user.groups.add(Group.objects.get(name=CASEWORKER))
    page.goto(reverse("caseworker-login"))
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill("a long passphrase 42")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find support for someone")
