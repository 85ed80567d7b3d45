"""Fixtures for the services tests."""

import functools

import pytest
from django.utils.text import slugify

from geography.boundaries import prepare_import
from geography.display import derived_fields
from geography.models import CouncilArea, Country
from servicemap.reference_data import shared_data
from services.models import Service


@functools.cache
def areas_outside_scotland() -> tuple[dict, ...]:
    """The English and Welsh areas of the reference file, as stored values (Scotland's are in the
    test database already). Repairing them takes seconds, so it is done once a test process, and
    they are written in one statement: saving each with its history would take seconds a test."""
    prepared = prepare_import(str(shared_data("boundaries", "gb-topo_lad.json")))
    return tuple(
        {
            "code": area.code,
            "name": area.name,
            "slug": f"{slugify(area.name)}-{area.code.lower()}",
            "country": area.code[0],
            **derived_fields(area.boundary, area.display_boundary),
        }
        for area in prepared.areas
        if area.code[0] != Country.SCOTLAND
    )


@pytest.fixture
def great_britain(db):
    """A benchmark's database: the 380 areas of Great Britain and no real service."""
    CouncilArea.objects.bulk_create(CouncilArea(**values) for values in areas_outside_scotland())
    Service.all_objects.all().delete()
