"""What every search result says about reaching a service and how sure the directory is of it.

A search result carries, for each service, its contact routes, its current status and the
evidence behind it (services.catalogue.service_summary, encoded once per catalogue). A caller of
/api/v1/search, and the finder's map, read these to show a route's confirmation state and a
status's source: a key dropped or a value swapped would show a person a guess as a fact.
"""

from datetime import date

import pytest

from services.catalogue import forget_catalogue
from services.models import (
    Confidence,
    ContactKind,
    ContactRoute,
    Service,
    ServiceSource,
    ServiceStatus,
)

pytestmark = pytest.mark.django_db

SLUG = "wishes"


def result_for(client, slug: str) -> dict:
    response = client.post("/api/v1/search", data={}, content_type="application/json")
    assert response.status_code == 200
    return next(result for result in response.json()["results"] if result["slug"] == slug)


@pytest.fixture
def wishes_with_everything_known():
    service = Service.all_objects.get(slug=SLUG)
    service.contact_routes.all().delete()
    routes = [
        (ContactKind.PHONE, "0131 000 0001", "Helpline", True, Confidence.HIGH),
        (ContactKind.EMAIL, "hello@example.org", "Office", True, Confidence.MEDIUM),
        (ContactKind.ADDRESS, "1 Safe Street", "Refuge", False, Confidence.HIGH),
    ]
    for kind, value, label, public, confidence in routes:
        ContactRoute.all_objects.create(
            service=service,
            kind=kind,
            value=value,
            label=label,
            public=public,
            confidence=confidence,
            source_url="" if not public else f"https://example.org/{label.lower()}",
        )
    ContactRoute.all_objects.filter(value="0131 000 0001").update(
        hours="Mondays 10am to 4pm", confirmed_on=date(2026, 11, 30)
    )
    Service.all_objects.filter(slug=SLUG).update(
        status=ServiceStatus.CHANGED,
        status_note="Now run by another charity.",
        status_source="https://example.org/news",
        status_seen_on=date(2024, 5, 1),
        status_confidence=Confidence.MEDIUM,
        status_confirmed_on=date(2026, 12, 1),
        last_verified=date(2022, 5, 31),
        verification_source="The 2022 survey",
        location_confidence=Confidence.HIGH,
        offer_confidence=Confidence.MEDIUM,
        eligibility_confidence=Confidence.LOW,
        waiting_list_confidence=Confidence.MEDIUM,
        opening_times="Mondays 10am to 4pm",
        opening_times_source="https://example.org/visit",
        opening_times_confidence=Confidence.HIGH,
        referral="Self-referral by phone.",
        referral_source="https://example.org/refer",
        referral_confidence=Confidence.MEDIUM,
        access_confirmed_on=date(2026, 12, 2),
    )
    service.sources.all().delete()
    ServiceSource.objects.create(service=service, url="https://example.org/about", title="About")
    # A queryset update() sends no signal, so the catalogue is told by hand.
    forget_catalogue()


def test_a_result_carries_each_public_route_with_its_state_and_never_a_private_one(
    client, wishes_with_everything_known
):
    contacts = result_for(client, SLUG)["contacts"]

    assert sorted(contacts, key=lambda route: route["kind"]) == [
        {
            "kind": "email",
            "value": "hello@example.org",
            "label": "Office",
            "hours": "",
            "source_url": "https://example.org/office",
            "confirmed_on": None,
            "confidence": "medium",
        },
        {
            "kind": "phone",
            "value": "0131 000 0001",
            "label": "Helpline",
            "hours": "Mondays 10am to 4pm",
            "source_url": "https://example.org/helpline",
            "confirmed_on": "2026-11-30",
            "confidence": "high",
        },
    ]


def test_a_result_carries_the_status_with_its_source_date_and_confirmation(
    client, wishes_with_everything_known
):
    assert result_for(client, SLUG)["service_status"] == {
        "value": "changed",
        "note": "Now run by another charity.",
        "source": "https://example.org/news",
        "seen_on": "2024-05-01",
        "confidence": "medium",
        "confirmed_on": "2026-12-01",
    }


def test_a_result_says_when_it_is_open_and_how_people_get_to_it_with_sources(
    client, wishes_with_everything_known
):
    assert result_for(client, SLUG)["access"] == {
        "opening_times": {
            "text": "Mondays 10am to 4pm",
            "source": "https://example.org/visit",
            "confidence": "high",
        },
        "referral": {
            "text": "Self-referral by phone.",
            "source": "https://example.org/refer",
            "confidence": "medium",
        },
        "confirmed_on": "2026-12-02",
    }


def test_a_result_carries_where_its_facts_come_from_and_how_sure_each_is(
    client, wishes_with_everything_known
):
    assert result_for(client, SLUG)["evidence"] == {
        "in_2022_survey": True,
        "last_checked": "2022-05-31",
        "checked_by": "The 2022 survey",
        "confidence": {
            "where": "high",
            "offers": "medium",
            "who_it_is_for": "low",
            "waiting": "medium",
        },
        "sources": ["https://example.org/about"],
    }


def test_a_result_names_the_service_and_its_page(client, wishes_with_everything_known):
    result = result_for(client, SLUG)
    service = Service.all_objects.select_related("organisation").get(slug=SLUG)

    assert (result["name"], result["organisation"], result["summary"], result["url"]) == (
        service.name,
        service.organisation.name,
        service.summary,
        "/services/wishes/",
    )
    assert (result["scope"], result["remote"]) == (service.scope, service.remote)
