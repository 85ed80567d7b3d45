"""Where a service works and why it is within reach: one row per rule."""

import pytest

from geography.distance import great_circle_km
from services.availability import (
    AreaRef,
    Availability,
    Reach,
    Way,
    availability,
    coverage,
    ways_of_reaching,
)
from services.models import Scope
from tests.services.reference_search import nearest_base_km

EDINBURGH = AreaRef("S12000036", "City of Edinburgh", "S")
SHETLAND = AreaRef("S12000027", "Shetland Islands", "S")
CARLISLE = AreaRef("E07000028", "Carlisle", "E")

local_edinburgh = Reach(areas=(EDINBURGH,))
all_scotland = Reach(scope=Scope.SCOTLAND)
uk_online = Reach(scope=Scope.UK, remote=True, access=frozenset({"online", "phone"}))
scotland_remote = Reach(scope=Scope.SCOTLAND, remote=True, access=frozenset({"text"}))


@pytest.mark.parametrize(
    ("reach", "area", "remote_only", "reachable", "because"),
    [
        (local_edinburgh, EDINBURGH, False, True, ("covers City of Edinburgh",)),
        (local_edinburgh, SHETLAND, False, False, ()),
        (local_edinburgh, None, False, False, ()),
        (local_edinburgh, EDINBURGH, True, False, ()),
        (all_scotland, SHETLAND, False, True, ("all of Scotland",)),
        (all_scotland, CARLISLE, False, False, ()),
        (all_scotland, None, False, True, ("all of Scotland",)),
        (all_scotland, SHETLAND, True, False, ()),
        (uk_online, CARLISLE, False, True, ("all of the UK", "online and by phone")),
        (uk_online, SHETLAND, True, True, ("online and by phone",)),
        (scotland_remote, CARLISLE, False, True, ("by text",)),
        (Reach(remote=True), None, True, True, ("remotely",)),
    ],
)
def test_a_service_is_within_reach_when_it_covers_the_area_works_nationwide_or_remotely(
    reach, area, remote_only, reachable, because
):
    result = availability(reach, area, remote_only)

    assert (result.reachable, result.because) == (reachable, because)


def test_a_service_is_within_reach_in_person_unless_remote_support_alone_is_asked_for():
    assert availability(all_scotland, SHETLAND).because == ("all of Scotland",)
    assert availability(local_edinburgh, EDINBURGH).because == ("covers City of Edinburgh",)


@pytest.mark.parametrize(
    ("reach", "because"),
    [
        (all_scotland, ("all of Scotland",)),
        (uk_online, ("all of the UK", "online and by phone")),
        (scotland_remote, ("all of Scotland", "by text")),
    ],
)
def test_someone_who_has_not_said_where_they_are_sees_which_services_work_nationwide(
    reach, because
):
    assert coverage(reach) == Availability(True, because)


def test_someone_who_has_not_said_where_they_are_sees_where_each_service_works():
    lothians = Reach(
        areas=(EDINBURGH, AreaRef("S12000010", "East Lothian")),
        remote=True,
        access=frozenset({"online"}),
    )

    assert coverage(lothians).because == ("covers City of Edinburgh and East Lothian", "online")
    assert coverage(lothians).reachable
    assert not coverage(local_edinburgh, remote_only=True).reachable


@pytest.mark.parametrize(
    ("point", "bases", "expected"),
    [
        ((-3.19, 55.95), ((-4.25, 55.86),), 67),
        ((-3.19, 55.95), ((-4.25, 55.86), (-3.20, 55.96)), 1),
        (None, ((-4.25, 55.86),), None),
        ((-3.19, 55.95), (), None),
    ],
)
def test_distance_is_to_the_nearest_base(point, bases, expected):
    distance = nearest_base_km(Reach(bases=bases), point)

    assert (round(distance) if distance is not None else None) == expected


def test_great_circle_distance_edinburgh_to_lerwick():
    assert round(great_circle_km(-3.1883, 55.9533, -1.1450, 60.1550)) == 482


@pytest.mark.parametrize(
    ("access", "words"),
    [
        ({"online", "phone"}, "online and by phone"),
        ({"text"}, "by text"),
        ({"phone", "text"}, "by phone and by text"),
        (set(), "remotely"),
    ],
)
def test_remote_support_is_named_by_the_ways_it_can_be_reached(access, words):
    # Built here, not at import, so that the words are worked out while the test runs.
    reach = Reach(remote=True, access=frozenset(access))

    assert availability(reach, None, remote_only=True).because == (words,)


@pytest.mark.parametrize(
    ("scope", "remote", "lists_area", "country", "remote_only", "expected"),
    [
        (Scope.AREAS, False, True, "S", False, (Way.LISTED,)),
        (Scope.AREAS, False, False, "S", False, ()),
        (Scope.AREAS, True, False, "S", False, (Way.REMOTE,)),
        (Scope.AREAS, True, True, "S", True, (Way.REMOTE,)),
        (Scope.AREAS, False, True, "S", True, ()),
        (Scope.SCOTLAND, False, False, "S", False, (Way.NATIONWIDE,)),
        (Scope.SCOTLAND, False, False, "E", False, ()),
        # Somewhere we hold no area for may be in Scotland.
        (Scope.SCOTLAND, False, False, None, False, (Way.NATIONWIDE,)),
        (Scope.SCOTLAND, False, True, "S", False, (Way.LISTED, Way.NATIONWIDE)),
        (Scope.UK, False, False, "E", False, (Way.NATIONWIDE,)),
        (Scope.UK, True, False, None, False, (Way.NATIONWIDE, Way.REMOTE)),
        (Scope.UK, True, False, None, True, (Way.REMOTE,)),
    ],
)
def test_the_ways_a_service_reaches_a_person(
    scope, remote, lists_area, country, remote_only, expected
):
    assert ways_of_reaching(scope, remote, lists_area, country, remote_only) == expected
