"""The Content-Security-Policy and Permissions-Policy as sent, for the public site and for admin."""

import re
import runpy

import pytest
from django.conf import settings
from django.urls import reverse

from geography.models import CouncilArea
from servicemap.content_security import tile_server_source

STRICT_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def settings_with_environment(monkeypatch, **environment: str) -> dict:
    """The settings module's values as a deployment with this environment would compute them."""
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(settings.BASE_DIR / "servicemap" / "settings.py"))


def test_public_pages_send_the_strict_policy(client):
    response = client.get(reverse("privacy"))

    assert directives(response["Content-Security-Policy"]) == STRICT_POLICY
    assert response["Permissions-Policy"] == (
        "geolocation=(self), camera=(), microphone=(), payment=(), usb=()"
    )
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    ("tile_url", "source"),
    [
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
        ("https://tiles.example.org/styles/{z}/{x}/{y}.png?key=abc", "https://tiles.example.org"),
        ("http://localhost:8080/{z}/{x}/{y}.png", "http://localhost:8080"),
    ],
)
def test_a_tile_server_is_admitted_by_its_host_alone(tile_url, source):
    assert tile_server_source(tile_url) == source


def test_images_come_from_no_other_host_unless_a_tile_server_is_configured(monkeypatch):
    monkeypatch.delenv("MAP_TILE_URL", raising=False)
    default = settings_with_environment(monkeypatch)
    with_tiles = settings_with_environment(
        monkeypatch, MAP_TILE_URL="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
    )

    assert default["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", "data:"]
    assert with_tiles["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == [
        "'self'",
        "data:",
        "https://*.tile.openstreetmap.org",
    ]


def test_admin_map_widgets_need_no_inline_script(admin_client):
    # django-leaflet starts each map from an inline script; ours start from a static file
    # (geography/admin_map.js), so not even admin's map pages need a nonce.
    area = CouncilArea.objects.get(code="S12000023")
    response = admin_client.get(reverse("admin:geography_councilarea_change", args=[area.pk]))

    page = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)([^>]*)>", page)
    assert response.status_code == 200
    assert 'class="admin-map"' in page
    assert inline_scripts == []
    assert "'nonce-" not in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_only_admin_pages_allow_the_libraries_inline_attributes_by_hash(client, django_user_model):
    public = directives(client.get(reverse("about"))["Content-Security-Policy"])
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.invalid", "pw"))
    admin_page = directives(client.get(reverse("admin:index"))["Content-Security-Policy"])

    assert "style-src-attr" not in public
    assert "script-src-attr" not in public
    assert "'unsafe-hashes'" in admin_page["style-src-attr"]
    assert "'unsafe-inline'" not in " ".join(admin_page.values())
