from datetime import date

import pytest

from geography.models import CouncilArea
from services.models import (
    Confidence,
    ContactRoute,
    Inclusion,
    Interpreters,
    Involvement,
    Location,
    MenServed,
    Organisation,
    Scope,
    Service,
    WaitingList,
)


@pytest.fixture
def rich_service(db) -> Service:
    """A service using every field the feed carries, beside the 16 real ones (which have no
    addresses, points, phone numbers or courses)."""
    organisation = Organisation.objects.create(
        name="Harbour Trust", website="https://harbour.example.org", description="A small charity."
    )
    service = Service.all_objects.create(
        organisation=organisation,
        name="Harbour Light",
        slug="harbour-light",
        summary="Peer support and courses.",
        description="First paragraph.\n\nSecond paragraph.",
        primary_offer_id="courses_peer_support",
        how_to_access="Text us.",
        scope=Scope.SCOTLAND,
        remote=True,
        travel_costs_covered=True,
        waiting_list=WaitingList.NEXT_COURSE,
        next_course_starts=date(2027, 3, 1),
        working_languages=["pl", "ro"],
        interpreters=Interpreters.YES,
        languages_note="Polish and Romanian on weekdays.",
        languages_source="https://harbour.example.org/languages",
        languages_confidence=Confidence.HIGH,
        languages_confirmed_on=date(2026, 11, 30),
        min_age=16,
        max_age=25,
        men=MenServed.ALL,
        trans=Inclusion.INCLUDED,
        non_binary=Inclusion.EXCLUDED,
        involvement=Involvement.FORMER,
        for_trafficked_people=True,
        other_criteria="Must be registered with a GP.",
        last_verified=date(2026, 1, 5),
    )
    service.offers.set(["courses_peer_support", "emotional_support"])
    service.access_routes.set(["online", "self_referral", "text"])
    service.coverage.set(CouncilArea.objects.filter(code__in=["S12000036", "S12000049"]))
    Location.all_objects.create(
        service=service,
        name="Leith drop-in",
        address="12 Harbour Street\nLeith\nEdinburgh",
        postcode="EH6 6AA",
        point={"type": "Point", "coordinates": [-3.17, 55.975]},
        opening_times="Tuesdays, 10am to 2pm",
        accessibility="Step-free entrance",
    )
    Location.all_objects.create(
        service=service, name="Glasgow base", council_area=CouncilArea.objects.get(code="S12000049")
    )
    for kind, value, label in [
        ("phone", "0131 496 0100", "Drop-in line"),
        ("text", "07700 900100", ""),
        ("email", "hello@harbour.example.org", "Enquiries"),
        ("website", "https://harbour.example.org", "Main site"),
        ("online_form", "https://harbour.example.org/refer", ""),
    ]:
        ContactRoute.all_objects.create(service=service, kind=kind, value=value, label=label)
    return service
