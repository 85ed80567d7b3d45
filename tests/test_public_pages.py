"""Sweeps over every public URL: no cookies, no inline code, a strict CSP, nothing cached."""

import pytest
from django.urls import reverse

from tests.html_checks import PageReader, sensitive_words_in
from tests.public_urls import (
    cookie_free_urls,
    is_page,
    public_page_urls,
    public_routes,
    public_urls,
)


def test_the_sweep_finds_the_site_pages_and_leaves_out_admin_and_the_api():
    routes = public_routes()

    assert {"about", "privacy", "staying-safe", "leave"} <= {route.name for route in routes}
    assert not [route for route in routes if route.route.startswith(("admin/", "api/"))]


@pytest.mark.parametrize(
    ("url", "page"),
    [("/", True), ("/areas/fife/", True), ("/leave", True), ("/statistics/gaps.csv", False)],
)
def test_downloads_are_told_apart_from_pages(url, page):
    assert is_page(url) is page


@pytest.mark.parametrize("route", public_routes(), ids=lambda route: route.route or "/")
def test_every_public_route_can_be_swept(route):
    assert route.has_example(), f"add example arguments for {route.name!r} to ROUTE_EXAMPLES"


@pytest.mark.parametrize("url", cookie_free_urls())
def test_public_page_sets_no_cookie_and_touches_no_session(client, db, url):
    response = client.get(url)

    assert response.status_code == 200
    assert not response.cookies
    assert not response.wsgi_request.session.accessed
    assert "CSRF_COOKIE_NEEDS_UPDATE" not in response.wsgi_request.META


@pytest.mark.parametrize("url", public_urls())
def test_public_page_has_a_strict_policy_and_is_not_stored(client, db, url):
    response = client.get(url)

    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert "nonce-" not in policy
    assert response["Permissions-Policy"].startswith("geolocation=(self)")
    if response["Content-Type"].startswith("text/html"):
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.has_header("Cache-Control")


@pytest.mark.parametrize("url", public_page_urls())
def test_public_page_has_the_quick_exit_no_inline_code_and_a_discreet_title(client, db, url):
    response = client.get(url)
    page = PageReader(response.content.decode())

    assert response["Content-Type"].startswith("text/html")
    assert f'href="{reverse("leave")}"' in response.content.decode()
    assert page.inline_code == []
    assert page.title.strip().endswith("Support finder")
    assert sensitive_words_in(page.title) == []
    assert sensitive_words_in(url) == []


@pytest.mark.parametrize("url", public_page_urls())
def test_every_public_page_leads_to_the_statistics_and_to_suggesting_a_change(client, db, url):
    html = client.get(url).content.decode()
    links = PageReader(html).links

    for name in ("statistics", "suggest"):
        # Linked from every other page; named, not linked, on its own.
        assert (reverse(name) in links) == (url != reverse(name))


def test_leave_clears_the_site_data_and_sends_you_to_the_neutral_site(client):
    response = client.get("/leave")

    assert response.status_code == 302
    assert response["Location"] == "https://www.bbc.co.uk/weather"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_leave_goes_wherever_the_quick_exit_is_configured_to(client, settings):
    settings.QUICK_EXIT_URL = "https://www.example.org/news"

    assert client.get("/leave")["Location"] == "https://www.example.org/news"
