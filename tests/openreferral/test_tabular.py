"""The feed, flattened into the standard's tables, is a valid HSDS 3.0 tabular data package.

The tables are checked with frictionless against the specification's own datapackage.json (from
the team's shared data), as the specification's CI checks its examples: required fields, types,
formats, enums, unique ids and the links between tables.
"""

import csv
import json
from typing import Any

import pytest
from frictionless import Package

from servicemap.reference_data import shared_data
from services.models import Organisation
from tests.openreferral.feed import all_pages, full_feed

pytestmark = pytest.mark.django_db

# Where a nested object or list of objects goes: the table of the standard it is a row of.
TABLES = {
    "organization": "organization",
    "service_at_locations": "service_at_location",
    "location": "location",
    "addresses": "address",
    "phones": "phone",
    "contacts": "contact",
    "schedules": "schedule",
    "service_areas": "service_area",
    "accessibility": "accessibility",
    "attributes": "attribute",
    "taxonomy_term": "taxonomy_term",
    "languages": "language",
}


def flatten(record: dict[str, Any], table: str, rows: dict[str, dict[str, dict]]) -> None:
    """The record as a row of its table, and each nested object as a row of its own."""
    row = {}
    for name, value in record.items():
        if isinstance(value, dict):
            flatten(value, TABLES[name], rows)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for child in value:
                flatten(child, TABLES[name], rows)
        else:
            row[name] = value
    rows.setdefault(table, {})[row["id"]] = {**rows.get(table, {}).get(row["id"], {}), **row}


def written_package(client, tmp_path) -> tuple[Package, dict[str, dict[str, dict]]]:
    descriptor = json.loads(shared_data("hsds", "datapackage.json").read_text(encoding="utf-8"))
    rows: dict[str, dict[str, dict]] = {}
    for service in full_feed(client):
        flatten(service, "service", rows)
    for kind, table in [("taxonomies", "taxonomy"), ("taxonomy_terms", "taxonomy_term")]:
        for page in all_pages(client, f"/openreferral/{kind}"):
            for item in page["contents"]:
                flatten(item, table, rows)
    for resource in descriptor["resources"]:
        columns = [column["name"] for column in resource["schema"]["fields"]]
        with (tmp_path / resource["path"]).open("w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, columns, extrasaction="ignore")
            writer.writeheader()
            for row in rows.get(resource["name"], {}).values():
                writer.writerow({name: _cell(value) for name, value in row.items()})
    return Package(descriptor, basepath=str(tmp_path)), rows


def _cell(value: Any) -> Any:
    return "" if value is None else value


def test_the_feed_flattened_into_the_standards_tables_is_a_valid_data_package(
    client, tmp_path, rich_service
):
    package, rows = written_package(client, tmp_path)

    report = package.validate()

    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert errors == []
    assert report.valid
    counts = {table: len(rows.get(table, {})) for table in ("organization", "service", "location")}
    # The survey's 16 and the 3 known since, beside the rich test service; NHS Greater Glasgow and
    # Clyde runs one of them; Click's remote support is a virtual location.
    assert counts == {"organization": 15, "service": 20, "location": 23}


def test_an_empty_required_field_fails_the_package(client, tmp_path):
    # As a row saved before descriptions were required would be: every change path now refuses
    # an empty one, so this goes round them.
    Organisation._base_manager.filter(name="Sacro").update(description="")
    package, _rows = written_package(client, tmp_path)

    assert not package.validate().valid
