"""Links between the API's operations: from a list (or a search) to the record its first item
names. They tell clients how the answers connect, and give schemathesis's stateful phase
(tests/api/test_fuzz.py) chains to follow, where otherwise it would rely on guessing them.

drf-spectacular has no way to declare a link, so this postprocessing hook adds them.
"""

from typing import Any

# The operation, the one its answer leads to, that one's path parameter, and where in the answer
# (a JSON pointer) its value is.
LINKS = [
    ("api_v1_search_create", "api_v1_services_retrieve", "slug", "/results/0/slug"),
    ("api_v1_services_list", "api_v1_services_retrieve", "slug", "/results/0/slug"),
    ("openreferral_services_list", "openreferral_service", "id", "/contents/0/id"),
    ("openreferral_organizations_list", "openreferral_organization", "id", "/contents/0/id"),
    (
        "openreferral_service_at_locations_list",
        "openreferral_service_at_location",
        "id",
        "/contents/0/id",
    ),
    ("openreferral_taxonomies_list", "openreferral_taxonomy", "id", "/contents/0/id"),
    ("openreferral_taxonomy_terms_list", "openreferral_taxonomy_term", "id", "/contents/0/id"),
]


def add_links(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    operations = {
        operation["operationId"]: operation
        for item in result["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    for source, target, parameter, pointer in LINKS:
        operations[source]["responses"]["200"]["links"] = {
            "first_item": {
                "operationId": target,
                "parameters": {parameter: f"$response.body#{pointer}"},
                "description": "The record the answer's first item names.",
            }
        }
    return result
