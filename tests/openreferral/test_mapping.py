"""Our records to HSDS and back, as pure functions: no database, one row per case."""

from datetime import UTC, datetime

import pytest

from services.openreferral import schemas
from services.openreferral.export import Area, FeedService, hsds_service
from services.openreferral.parse import FeedError, feed_service_from
from services.openreferral.taxonomy import term_id
from tests.openreferral.feed import assert_valid

BASE_URL = "https://finder.example.org"
AREAS = {
    "S12000036": Area("City of Edinburgh", '{"type":"MultiPolygon","coordinates":[]}'),
    "S12000049": Area("Glasgow City", '{"type":"MultiPolygon","coordinates":[]}'),
}

# A route's state, as a feed carries it: what the service confirmed, what a public page says, and
# a route of which nothing is known but that it is there.
CONFIRMED_BY_THE_SERVICE = {
    "hours": "Weekdays, 9am to 5pm",
    "source_url": "https://harbour.example.org/contact",
    "confidence": "high",
    "confirmed_on": "2026-11-30",
}
FROM_A_PUBLIC_PAGE = {
    "hours": "",
    "source_url": "https://council.example.org/harbour",
    "confidence": "medium",
    "confirmed_on": None,
}
NOTHING_KNOWN = {"hours": "", "source_url": "", "confidence": "low", "confirmed_on": None}

RECORD = {
    "name": "Harbour Light",
    "slug": "harbour-light",
    "summary": "Peer support and courses.",
    "description": "First paragraph.\n\nSecond paragraph.",
    "how_to_access": "Text us, or ask your support worker to refer you.",
    "scope": "areas",
    "remote": False,
    "travel_costs_covered": True,
    "police_led": False,
    "waiting_list": "next_course",
    "next_course_starts": "2027-03-01",
    "min_age": 16,
    "max_age": 25,
    "women": True,
    "men": "all",
    "trans": "included",
    "non_binary": "not_stated",
    "involvement": "former",
    "for_trafficked_people": False,
    "other_criteria": "Must be registered with a GP.",
    "last_verified": "2026-01-05",
    "location_confidence": "high",
    "offer_confidence": "medium",
    "eligibility_confidence": "low",
    "waiting_list_confidence": "high",
    "published": True,
    "in_2022_survey": True,
    "listed_in_finder": True,
    "not_listed_because": "",
    "status": "changed",
    "status_note": "Now run by Harbour Trust's Glasgow team.",
    "status_source": "https://harbour.example.org/news",
    "status_seen_on": "2025-05-08",
    "status_confidence": "medium",
    "status_confirmed_on": None,
    "opening_times": "Tuesdays, 10am to 2pm",
    "opening_times_source": "https://harbour.example.org/visit",
    "opening_times_confidence": "high",
    "referral": "Self-referral by text, or through a support worker.",
    "referral_source": "https://council.example.org/harbour",
    "referral_confidence": "medium",
    "access_confirmed_on": None,
    "working_languages": ["pl", "ro"],
    "interpreters": "yes",
    "languages_note": "Polish and Romanian on weekdays.",
    "languages_source": "https://harbour.example.org/languages",
    "languages_confidence": "high",
    "languages_confirmed_on": "2026-11-30",
    "organisation": "Harbour Trust",
    "primary_offer": "courses_peer_support",
    "offers": ["courses_peer_support", "emotional_support"],
    "access_routes": ["online", "self_referral", "text"],
    "coverage": ["S12000036", "S12000049"],
    "locations": [
        {
            "name": "Glasgow base",
            "address": "",
            "postcode": "",
            "point": None,
            "opening_times": "",
            "accessibility": "",
            "public": True,
            "council_area": "S12000049",
        },
        {
            "name": "Leith drop-in",
            "address": "12 Harbour Street\nLeith\nEdinburgh",
            "postcode": "EH6 6AA",
            "point": {"type": "Point", "coordinates": [-3.17, 55.975]},
            "opening_times": "Tuesdays, 10am to 2pm",
            "accessibility": "Step-free entrance",
            "public": True,
            "council_area": "S12000036",
        },
    ],
    "contact_routes": [
        {
            "kind": "email",
            "value": "hello@harbour.example.org",
            "label": "Enquiries",
            "public": True,
            **CONFIRMED_BY_THE_SERVICE,
        },
        {
            "kind": "online_form",
            "value": "https://harbour.example.org/refer",
            "label": "",
            "public": True,
            **CONFIRMED_BY_THE_SERVICE,
        },
        {
            "kind": "phone",
            "value": "0131 496 0100",
            "label": "Drop-in line",
            "public": True,
            **FROM_A_PUBLIC_PAGE,
        },
        {"kind": "text", "value": "07700 900100", "label": "", "public": True, **NOTHING_KNOWN},
        {
            "kind": "website",
            "value": "https://harbour.example.org",
            "label": "",
            "public": True,
            **FROM_A_PUBLIC_PAGE,
        },
    ],
}
ORGANISATION = {
    "name": "Harbour Trust",
    "website": "https://harbour.example.org",
    "description": "",
}
MODIFIED = datetime(2026, 3, 4, 5, 6, 7, 891000, tzinfo=UTC)


def feed_service(**changes) -> FeedService:
    return FeedService({**RECORD, **changes}, ORGANISATION, MODIFIED)


ONE_LINE_ADDRESS = {**RECORD["locations"][1], "address": "12 Harbour Street", "point": None}

ROUND_TRIPS = {
    "every kind of fact": {},
    "all of Scotland, with areas too": {"scope": "scotland"},
    "all of the UK, remote, and nowhere listed": {"scope": "uk", "remote": True, "coverage": []},
    "no description beyond the summary": {"description": ""},
    "no other conditions": {"other_criteria": ""},
    "any age from birth": {"min_age": 0, "max_age": None},
    "a course with no date yet": {"next_course_starts": None},
    "only for people who have been trafficked": {"for_trafficked_people": True, "men": "none"},
    "no contacts": {"contact_routes": []},
    "a one-line address": {"locations": [ONE_LINE_ADDRESS]},
    "never checked": {"last_verified": None},
    "not published": {"published": False},
    "known since the survey": {"in_2022_survey": False},
    "not in the finder, saying why": {
        "listed_in_finder": False,
        "not_listed_because": "A police operation, not support a person can contact.",
    },
    "closed": {"status": "closed", "status_note": "Its funding ended."},
    "temporarily closed": {"status": "temporarily_closed"},
    "running, confirmed": {"status": "running", "status_confidence": "high"},
    "running, confirmed with the service": {"status_confirmed_on": "2026-11-30"},
    "opening times and ways in confirmed with the service": {"access_confirmed_on": "2026-12-01"},
    "no source says when it is open or how to get in": {
        "opening_times": "",
        "opening_times_source": "",
        "opening_times_confidence": "low",
        "referral": "",
        "referral_source": "",
        "referral_confidence": "low",
    },
    "no news, no evidence": {
        "status": "unknown",
        "status_note": "",
        "status_source": "",
        "status_seen_on": None,
        "status_confidence": "low",
    },
    "nothing known of its languages": {
        "working_languages": [],
        "interpreters": "not_known",
        "languages_note": "",
        "languages_source": "",
        "languages_confidence": "low",
        "languages_confirmed_on": None,
    },
    "interpreters only, not confirmed": {
        "working_languages": [],
        "interpreters": "yes",
        "languages_confirmed_on": None,
    },
    "its staff's languages, no interpreters": {
        "working_languages": ["sq", "ar", "zh"],
        "interpreters": "no",
    },
}


@pytest.mark.parametrize("changes", ROUND_TRIPS.values(), ids=ROUND_TRIPS.keys())
def test_a_record_comes_back_from_hsds_as_it_went(changes):
    service = feed_service(**changes)

    hsds = hsds_service(service, AREAS, BASE_URL)

    assert_valid(hsds, schemas.SERVICE)
    assert feed_service_from(hsds) == service


def test_an_address_is_split_into_hsds_fields_and_put_back_together():
    hsds = hsds_service(feed_service(), AREAS, BASE_URL)
    leith = hsds["service_at_locations"][1]["location"]

    assert leith["addresses"][0] | {"id": None, "location_id": None} == {
        "id": None,
        "location_id": None,
        "address_1": "12 Harbour Street",
        "address_2": "Leith",
        "city": "Edinburgh",
        "region": "City of Edinburgh",
        "state_province": "City of Edinburgh",
        "postal_code": "EH6 6AA",
        "country": "GB",
        "address_type": "physical",
    }
    assert (leith["longitude"], leith["latitude"]) == (-3.17, 55.975)


@pytest.mark.parametrize(
    ("working_languages", "interpreters", "languages"),
    [
        ([], "not_known", []),
        ([], "yes", []),
        (["pl"], "not_known", [("Polish", "pl")]),
        (["ro", "bfi"], "no", [("Romanian", "ro"), ("British Sign Language", "bfi")]),
    ],
)
def test_the_feed_lists_only_the_languages_its_staff_are_known_to_work_in(
    working_languages, interpreters, languages
):
    hsds = hsds_service(
        feed_service(working_languages=working_languages, interpreters=interpreters),
        AREAS,
        BASE_URL,
    )

    assert [(language["name"], language["code"]) for language in hsds["languages"]] == languages
    assert all(language["service_id"] == hsds["id"] for language in hsds["languages"])
    interpreting = [
        attribute["taxonomy_term"]["code"]
        for attribute in hsds["attributes"]
        if attribute["taxonomy_term"]["code"].startswith("interpreters.")
    ]
    assert interpreting == [f"interpreters.{interpreters}"]


def test_languages_another_directory_lists_that_we_do_not_are_left_out_not_guessed():
    foreign = {
        **FOREIGN,
        "languages": [
            {"id": "5a0c3d1e-6a53-4c49-9a55-0ab0d2a7d0c1", "name": "Polish", "code": "pl"},
            {"id": "5a0c3d1e-6a53-4c49-9a55-0ab0d2a7d0c2", "name": "Klingon", "code": "tlh"},
            {"id": "5a0c3d1e-6a53-4c49-9a55-0ab0d2a7d0c3", "name": "Polish", "code": "pl"},
        ],
    }

    record = feed_service_from(foreign).record

    assert record["working_languages"] == ["pl"]
    assert record["interpreters"] == "not_known"


def test_the_eligibility_description_is_the_finders_summary_then_other_conditions():
    hsds = hsds_service(feed_service(), AREAS, BASE_URL)

    assert hsds["eligibility_description"] == (
        "For women and men aged 16 to 25 who no longer sell or exchange sex. Supports trans "
        "people. Does not say whether it supports non-binary people.\n\n"
        "Other conditions: Must be registered with a GP."
    )
    assert hsds["wait_time"] == "Next course starts on 1 March 2027"


def attribute(code: str, value: str | None = None) -> dict:
    attribute = {"id": term_id(f"attr-{code}"), "taxonomy_term_id": term_id(code)}
    return attribute | ({"value": value} if value is not None else {})


FOREIGN = {
    "id": "3f7b145d-84af-42d7-8fae-eaca714b02b2",
    "name": "Community Counselling",
    "status": "active",
    "description": "Counselling for anyone in Glasgow.",
    "eligibility_description": "Adults living in Glasgow.",
    "url": "https://counselling.example.org",
    "email": "help@counselling.example.org",
    "organization": {
        "id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
        "name": "MyCity",
        "description": "",
    },
    "attributes": [attribute("primary_offer.counselling"), attribute("offers.counselling")],
    "service_areas": [
        {
            "id": "381c64f1-a724-4884-9c21-ac96c21cca3e",
            "uri": "http://statistics.data.gov.uk/id/statistical-geography/S12000049",
        }
    ],
}


@pytest.mark.parametrize(
    ("status", "published", "hsds"),
    [
        ("running", True, "active"),
        ("changed", True, "active"),
        ("unknown", True, "active"),
        ("temporarily_closed", True, "temporarily closed"),
        ("closed", True, "defunct"),
        ("running", False, "inactive"),
        ("closed", False, "inactive"),
    ],
)
def test_hsds_status_says_whether_a_published_service_still_runs(status, published, hsds):
    record = hsds_service(feed_service(status=status, published=published), AREAS, BASE_URL)

    assert record["status"] == hsds


@pytest.mark.parametrize(
    ("hsds", "status", "published"),
    [
        ("active", "unknown", True),
        ("temporarily closed", "temporarily_closed", True),
        ("defunct", "closed", True),
        ("inactive", "unknown", False),
    ],
)
def test_another_directory_s_status_is_read_as_ours(hsds, status, published):
    record = feed_service_from({**FOREIGN, "status": hsds}).record

    assert (record["status"], record["published"]) == (status, published)


def test_a_record_from_another_directory_gets_our_defaults():
    record = feed_service_from(FOREIGN).record

    assert record["slug"] == "community-counselling"
    assert record["other_criteria"] == "Adults living in Glasgow."
    assert (record["trans"], record["non_binary"], record["women"]) == (
        "not_stated",
        "not_stated",
        True,
    )
    assert record["coverage"] == ["S12000049"]
    assert [(route["kind"], route["value"]) for route in record["contact_routes"]] == [
        ("email", "help@counselling.example.org"),
        ("website", "https://counselling.example.org"),
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"organization": None}, "no organization"),
        ({"attributes": [attribute("offers.counselling")]}, "no main kind of help"),
        (
            {
                "attributes": [
                    *FOREIGN["attributes"],
                    attribute("trans.included"),
                    attribute("trans.excluded"),
                ]
            },
            "2 answers for 'trans people'",
        ),
        ({"minimum_age": 17.5}, "whole number"),
        ({"assured_date": "last spring"}, "assured_date must be a date"),
        (
            {
                "phones": [
                    {
                        "id": "p",
                        "number": "0141 000 0000",
                        "attributes": [
                            {**attribute("route_confidence", "certain"), "link_id": "p"}
                        ],
                    }
                ]
            },
            "a route's confidence must be high, medium or low, not 'certain'",
        ),
        (
            {
                "phones": [
                    {
                        "id": "p",
                        "number": "0141 000 0000",
                        "attributes": [
                            {**attribute("route_confirmed_on", "last week"), "link_id": "p"}
                        ],
                    }
                ]
            },
            "a route's confirmation date must be a date",
        ),
        ({"last_modified": "2026-03-04T05:06:07"}, "time zone"),
        (
            {"service_areas": [{"id": "x", "name": "Leith", "uri": "https://example.org/leith"}]},
            "GSS code",
        ),
        (
            {
                "service_at_locations": [
                    {"id": "x", "location_id": "3f7b145d-84af-42d7-8fae-eaca714b02b2"}
                ]
            },
            "not given in full",
        ),
        (
            {
                "service_at_locations": [
                    {"id": "x", "location": {"id": "y", "location_type": "physical"}}
                ]
            },
            "has no name",
        ),
    ],
)
def test_records_we_cannot_read_are_named_with_what_is_wrong(changes, message):
    with pytest.raises(FeedError, match=message) as raised:
        feed_service_from({**FOREIGN, **changes})

    assert str(raised.value).startswith("service 'Community Counselling' (3f7b145d-")


def route_state_in(attributes: list[dict], link_id: str) -> dict[str, tuple[str, str]]:
    """The state attributes linked to one route: each term's code, and the link's entity with
    the value."""
    return {
        attribute["taxonomy_term"]["code"]: (attribute["link_entity"], attribute["value"])
        for attribute in attributes
        if attribute["link_id"] == link_id
    }


def test_each_route_in_the_feed_says_whether_the_service_confirmed_it_and_where_it_was_found():
    hsds = hsds_service(feed_service(), AREAS, BASE_URL)
    email = hsds["contacts"][0]
    phone, text = hsds["phones"]
    website = next(a for a in hsds["attributes"] if a["taxonomy_term"]["code"] == "website")

    assert route_state_in(email["attributes"], email["id"]) == {
        "route_hours": ("contact", "Weekdays, 9am to 5pm"),
        "route_source": ("contact", "https://harbour.example.org/contact"),
        "route_confidence": ("contact", "high"),
        "route_confirmed_on": ("contact", "2026-11-30"),
    }
    assert route_state_in(phone["attributes"], phone["id"]) == {
        "route_source": ("phone", "https://council.example.org/harbour"),
        "route_confidence": ("phone", "medium"),
    }
    assert route_state_in(text["attributes"], text["id"]) == {"route_confidence": ("phone", "low")}
    assert route_state_in(hsds["attributes"], website["id"]) == {
        "route_source": ("attribute", "https://council.example.org/harbour"),
        "route_confidence": ("attribute", "medium"),
    }


def test_a_route_from_another_directory_with_no_state_is_given_none_so_ours_is_kept():
    phone = {"id": "p", "number": "0141 000 0000", "description": "Office"}

    routes = feed_service_from({**FOREIGN, "phones": [phone]}).record["contact_routes"]

    assert {"kind": "phone", "value": "0141 000 0000", "label": "Office", "public": True} in routes
