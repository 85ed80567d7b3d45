"""Only the static files pages use are collected and served: DRF's browsable API is switched off,
so its Bootstrap 3, jQuery and fonts (old libraries no page loads) are left out."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

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
