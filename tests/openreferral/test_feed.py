"""The HSDS 3.0 feed at /openreferral/: valid against the HSDS schemas, public facts only."""

import json

import pytest
from jsonschema import Draft4Validator

from servicemap.api_docs import api_schema
from services.models import Service
from services.openreferral import schemas
from services.openreferral.ids import organisation_id, service_id
from services.openreferral.taxonomy import TAXONOMY_ID, term_id
from tests.openreferral.feed import all_pages, assert_valid, full_feed

pytestmark = pytest.mark.django_db

REMOTE = ["national-ugly-mugs", "tara", "you-my-sister"]


def record(client, slug: str) -> dict:
    response = client.get(f"/openreferral/services/{service_id(slug)}")
    assert response.status_code == 200
    return response.json()


def slugs_in(pages: list[dict]) -> list[str]:
    by_id = {
        service_id(slug): slug for slug in Service.published_objects.values_list("slug", flat=True)
    }
    return [by_id[item["id"]] for page in pages for item in page["contents"]]


# The answer to GET / as the HSDS API's own description defines it.
ROOT = "openapi.json#/paths/~1/get/responses/200/content/application~1json/schema"


def test_the_root_names_the_uk_profile_it_follows_and_where_the_description_is(client):
    about = client.get("/openreferral/").json()

    assert_valid(about, ROOT)
    # The UK validator picks the rules it tests by this value; "3.0" alone meant its 1.0 rules.
    assert about["version"] == "HSDS-UK-3.0"
    assert about["hsds_version"] == "3.0"
    assert "OpenReferralUK/uk-profile" in about["profile"]
    assert about["openapi_url"] == "http://testserver/api/v1/openapi.json"
    assert client.get(about["openapi_url"]).status_code == 200


def test_every_service_record_is_valid_hsds(client, rich_service):
    slugs = list(Service.published_objects.values_list("slug", flat=True))

    for slug in slugs:
        assert_valid(record(client, slug), schemas.SERVICE)
    assert len(slugs) == 20


@pytest.mark.parametrize("full", [False, True], ids=["list items", "full records"])
def test_every_list_page_is_valid_hsds(client, full):
    pages = all_pages(client, "/openreferral/services", per_page=5, full=str(full).lower())

    for page in pages:
        assert_valid({k: v for k, v in page.items() if k != "contents"}, schemas.PAGE)
        for item in page["contents"]:
            assert_valid(item, schemas.SERVICE if full else schemas.SERVICE_LIST_ITEM)
    assert [page["page_number"] for page in pages] == [1, 2, 3, 4]
    assert [page["size"] for page in pages] == [5, 5, 5, 4]
    assert [(page["first_page"], page["last_page"]) for page in pages] == [
        (True, False),
        (False, False),
        (False, False),
        (False, True),
    ]
    assert {page["total_items"] for page in pages} == {19}
    assert len(set(slugs_in(pages))) == 19


def test_list_items_carry_one_to_one_fields_only(client):
    item = client.get("/openreferral/services").json()["contents"][0]

    assert not {"service_areas", "service_at_locations", "attributes"} & set(item)
    assert item["organization"]["id"] == item["organization_id"]


def test_the_published_taxonomy_and_its_terms_are_valid_hsds(client):
    taxonomies = all_pages(client, "/openreferral/taxonomies")
    terms = [
        term
        for page in all_pages(client, "/openreferral/taxonomy_terms")
        for term in page["contents"]
    ]

    assert [taxonomy["id"] for taxonomy in taxonomies[0]["contents"]] == [TAXONOMY_ID]
    assert_valid(taxonomies[0]["contents"][0], schemas.TAXONOMY)
    for term in terms:
        assert_valid(term, schemas.TAXONOMY_TERM)
        assert client.get(f"/openreferral/taxonomy_terms/{term['id']}").json() == term
    assert (
        client.get(f"/openreferral/taxonomies/{TAXONOMY_ID}").json() == taxonomies[0]["contents"][0]
    )
    codes = {term["code"] for term in terms}
    assert {
        "trans.not_stated",
        "non_binary.excluded",
        "men.msm_only",
        "involvement.current",
    } <= codes
    assert {"for_trafficked_people.yes", "women.no"} <= codes


def test_every_attribute_names_a_published_term(client):
    published = {
        term["id"]
        for page in all_pages(client, "/openreferral/taxonomy_terms")
        for term in page["contents"]
    }

    for service in full_feed(client):
        attributes = service["attributes"] + [
            attribute
            for link in service["service_at_locations"]
            for attribute in link["location"].get("attributes", [])
        ]
        assert {attribute["taxonomy_term_id"] for attribute in attributes} <= published


def eligibility_codes(service: dict) -> set[str]:
    prefixes = ("women.", "men.", "trans.", "non_binary.", "involvement.", "for_trafficked_people.")
    return {
        attribute["taxonomy_term"]["code"]
        for attribute in service["attributes"]
        if attribute["taxonomy_term"]["code"].startswith(prefixes)
    }


@pytest.mark.parametrize(
    ("slug", "codes"),
    [
        (
            "roam",
            {
                "women.no",
                "men.msm_only",
                "trans.not_stated",
                "non_binary.not_stated",
                "involvement.either",
                "for_trafficked_people.no",
            },
        ),
        (
            "evaa",
            {
                "women.yes",
                "men.none",
                "trans.included",
                "non_binary.included",
                "involvement.either",
                "for_trafficked_people.no",
            },
        ),
    ],
)
def test_eligibility_is_a_set_of_attributes_one_per_fact(client, slug, codes):
    assert eligibility_codes(record(client, slug)) == codes


def test_hsds_fields_carry_ages_checks_waiting_and_who_it_is_for(client):
    evaa = record(client, "evaa")

    assert evaa["status"] == "active"
    assert evaa["minimum_age"] == 18
    assert "maximum_age" not in evaa
    assert evaa["assured_date"] == "2022-05-31"
    assert evaa["wait_time"] == "There may be a waiting list"
    assert evaa["eligibility_description"] == (
        "For women aged 18 and over. Supports trans and non-binary people."
    )


def test_council_area_coverage_is_a_service_area_with_its_shape_and_gss_uri(client):
    (area,) = record(client, "evaa")["service_areas"]

    assert area["uri"] == "http://statistics.data.gov.uk/id/statistical-geography/S12000033"
    assert area["name"] == "Aberdeen City"
    assert area["extent_type"] == "geojson"
    assert json.loads(area["extent"])["type"] == "MultiPolygon"


def test_nationwide_services_name_scotland_or_the_uk_by_gss_uri(client):
    areas = record(client, "national-ugly-mugs")["service_areas"]

    assert [area["uri"].rsplit("/", 1)[1] for area in areas] == ["K02000001"]


@pytest.mark.parametrize("slug", REMOTE)
def test_remote_services_have_a_virtual_location(client, slug):
    types = [
        link["location"]["location_type"] for link in record(client, slug)["service_at_locations"]
    ]

    assert "virtual" in types


def test_services_with_a_base_have_a_physical_location_in_its_council_area(client):
    (link,) = record(client, "roam")["service_at_locations"]

    assert link["location"]["location_type"] == "physical"
    assert [attribute["value"] for attribute in link["location"]["attributes"]] == ["S12000036"]


def test_ids_are_derived_from_natural_keys_and_never_change(client):
    roam = record(client, "roam")

    # Written out so that a change to how ids are made fails here, not in other directories.
    assert roam["id"] == "26855313-b405-5957-933b-38a4cc7c3400"
    assert roam["organization_id"] == organisation_id("NHS Lothian")


OFFER = term_id("offers.sexual_health")
TRANS_INCLUDED = term_id("trans.included")
NHS_LOTHIAN = organisation_id("NHS Lothian")


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        (
            {"taxonomy_term_id": OFFER},
            ["quay-services", "roam", "routes-out", "steve-retson-project", "wishes"],
        ),
        ({"taxonomy_term_id": OFFER, "search": "outreach"}, ["roam", "routes-out"]),
        ({"taxonomy_term_id": TRANS_INCLUDED, "search": "Aberdeen"}, ["evaa", "quay-services"]),
        ({"organization_id": NHS_LOTHIAN, "search": "outreach"}, ["roam"]),
        ({"organization_id": NHS_LOTHIAN, "search": "aberdeen"}, []),
        ({"modified_after": "2999-01-01T00:00:00Z"}, []),
        ({"search": "zzz-not-there"}, []),
    ],
)
def test_filters_combine_with_and(client, query, slugs):
    assert sorted(slugs_in(all_pages(client, "/openreferral/services", **query))) == slugs


def test_our_taxonomy_filters_nothing_out(client):
    pages = all_pages(client, "/openreferral/services", taxonomy_id=TAXONOMY_ID)

    assert len(slugs_in(pages)) == 19


@pytest.mark.parametrize(
    ("query", "bad_field"),
    [
        ({"modified_after": "last tuesday"}, "modified_after"),
        ({"format": "ndjson"}, "format"),
        ({"colour": "blue"}, "colour"),
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"per_page": "abc"}, "per_page"),
        ({"per_page": "0"}, "per_page"),
        ({"per_page": "101"}, "per_page"),
        ({"per_page": "null"}, "per_page"),
        ({"page": "1000001"}, "page"),
    ],
)
def test_bad_parameters_are_problems_naming_the_field(client, query, bad_field):
    response = client.get("/openreferral/services", query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [bad_field]


@pytest.mark.parametrize("path", ["/openreferral/services", "/openreferral/taxonomies"])
def test_a_blank_search_finds_everything_as_the_description_says(client, path):
    described = next(
        parameter["schema"]
        for parameter in api_schema()["paths"][path]["get"]["parameters"]
        if parameter["name"] == "search"
    )

    assert client.get(path, {"search": ""}).json() == client.get(path).json()
    assert list(Draft4Validator(described).iter_errors("")) == []


@pytest.mark.parametrize(
    "query",
    [
        {"taxonomy_term_id": "not-a-term"},
        {"taxonomy_id": "3f7b145d-84af-42d7-8fae-eaca714b02b2"},
        {"organization_id": "nobody"},
        {"organization_id": organisation_id("Nobody we know")},
    ],
)
def test_a_filter_naming_an_id_we_do_not_hold_gives_an_empty_page(client, query):
    page = client.get("/openreferral/services", query).json()

    assert (page["total_items"], page["contents"], page["empty"]) == (0, [], True)


def test_an_organisation_with_only_unpublished_services_looks_like_an_unknown_one(client):
    """Issue 13, L9: a 200 for one and a 400 for the other told an outsider the organisation
    existed, with services nobody may see."""
    Service.all_objects.filter(organisation__name="Sacro").update(published=False)
    hidden = client.get("/openreferral/services", {"organization_id": organisation_id("Sacro")})
    unknown = client.get("/openreferral/services", {"organization_id": organisation_id("Nobody")})

    assert (hidden.status_code, hidden.json()) == (unknown.status_code, unknown.json())
    assert client.get(f"/openreferral/organizations/{organisation_id('Sacro')}").status_code == 404


def test_a_page_past_the_last_is_empty_not_an_error(client):
    page = client.get("/openreferral/services", {"page": 99}).json()

    assert page["page_number"] == 99
    assert (page["total_items"], page["size"], page["empty"], page["last_page"]) == (
        19,
        0,
        True,
        True,
    )
    assert page["contents"] == []


@pytest.mark.parametrize("full", [{}, {"full": "true"}], ids=["alone", "with full"])
def test_minimal_gives_each_service_as_its_id_and_time_of_change(client, full):
    query = {"minimal": "true", **full}
    (item, *_rest) = client.get("/openreferral/services", query).json()["contents"]

    assert set(item) == {"id", "last_modified"}


def test_an_unknown_or_unpublished_service_is_a_404_problem(client):
    Service.all_objects.filter(slug="roam").update(published=False)

    for id in (service_id("roam"), "nonsense"):
        response = client.get(f"/openreferral/services/{id}")
        assert response.status_code == 404
        assert response.json()["detail"] == "There is no published service with this id."


def test_every_organisation_has_a_description(client):
    for service in full_feed(client):
        assert service["organization"]["description"].strip()
