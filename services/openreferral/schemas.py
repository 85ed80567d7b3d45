"""The HSDS 3.0 JSON Schemas, read from the team's shared data (never copied into the project).

The feed is checked against them in the tests, and every record an import reads is checked
against them before anything is written.
"""

import functools
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

# The compiled schemas inline everything; the per-object ones refer to each other by file name.
SERVICE = "compiled/service.json"
SERVICE_LIST_ITEM = "compiled/service_list.json"
TAXONOMY = "taxonomy.json"
TAXONOMY_TERM = "taxonomy_term.json"
# The envelope of a list page, from the HSDS API's own description.
PAGE = "openapi.json#/components/schemas/Page"


def schema_folder() -> Path:
    return settings.SHARED_DATA_DIR / "hsds" / "schema"


@functools.cache
def validator(reference: str) -> Draft202012Validator:
    folder = schema_folder()
    registry = Registry().with_resources(
        (
            path.relative_to(folder).as_posix(),
            Resource.from_contents(
                json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012
            ),
        )
        for path in folder.rglob("*.json")
    )
    return Draft202012Validator(
        {"$ref": reference},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def problem(document: Any, reference: str) -> str | None:
    """The most telling way the document breaks the schema, in one line, or None if it fits."""
    error = best_match(validator(reference).iter_errors(document))
    if error is None:
        return None
    where = ".".join(str(part) for part in error.absolute_path) or "the record"
    return f"{where}: {' '.join(error.message.split())[:300]}"
