"""Only the static files pages use are collected and served: DRF's browsable API is switched off,
so its Bootstrap 3, jQuery and fonts (old libraries no page loads) are left out. Our own CSS and
JavaScript are collected without their comments; the packages' files as they came."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from servicemap.static_storage import minified

UNUSED = [
    "rest_framework/js/jquery-3.7.1.min.js",
    "rest_framework/js/bootstrap.min.js",
    "rest_framework/css/bootstrap.min.css",
]


def test_the_browsable_apis_files_are_not_collected(collected_static):
    assert not (collected_static / "rest_framework").exists()
    assert (collected_static / "admin").exists()


@pytest.mark.parametrize("path", UNUSED)
def test_the_browsable_apis_files_are_not_found_or_served(path, settings):
    settings.WHITENOISE_USE_FINDERS = True

    assert finders.find(path) is None
    assert Client().get(f"/static/{path}").status_code == 404


@pytest.mark.parametrize(
    ("name", "source", "collected"),
    [
        ("a.css", "/* why */\n.a {\n  color: red;\n}\n", ".a{color:red}"),
        ("a.css", '.a::after { content: "/* kept */"; }', '.a::after{content:"/* kept */"}'),
        ("a.js", '// why\nvar a = "// kept";\n/* why */ a += 1;\n', 'var a="// kept";a+=1;'),
    ],
    ids=["css comment", "css string", "js comments"],
)
def test_our_files_lose_their_comments_but_not_their_meaning(name, source, collected):
    assert minified(name, source) == collected


def test_our_css_and_javascript_are_collected_minified_and_packages_as_they_came(
    collected_static,
):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())["paths"]
    for name in ("servicemap/site.css", "services/finder.css", "services/finder.js"):
        source = (settings.BASE_DIR / "static" / name).read_text()
        served = (collected_static / manifest[name]).read_text()
        assert "/*" in source
        assert served == minified(name, source)
        assert len(served) < len(source) * 0.7
    leaflet = finders.find("leaflet/leaflet.js")
    collected_leaflet = collected_static / "leaflet" / "leaflet.js"
    assert collected_leaflet.read_bytes() == Path(leaflet).read_bytes()
