"""From checked input (a form's or a serializer's cleaned data) to a search query.

The HTML finder and the JSON API take the same answers; this is where both become one
:class:`SearchQuery`, so the two can never disagree about what an answer means.
"""

from typing import Any

from geography.locate import Located, locate_area, locate_code, locate_point, locate_text
from services.eligibility import Gender, Person, PersonInvolvement
from services.search import SearchQuery


def person_from(data: dict[str, Any]) -> Person:
    return Person(
        age=data.get("age"),
        gender=Gender(data["gender"]) if data.get("gender") else None,
        trans=data.get("trans"),
        involvement=PersonInvolvement(data["involvement"]) if data.get("involvement") else None,
        trafficked=data.get("trafficked"),
        needs=frozenset(data.get("needs") or ()),
    )


def located_from(data: dict[str, Any]) -> Located | None:
    # A point (a tap on the map, the device's location) is more precise than a chosen area.
    if data.get("lon") is not None and data.get("lat") is not None:
        return locate_point(data["lon"], data["lat"])
    if data.get("place"):
        return locate_text(data["place"])
    if data.get("area") is not None:
        # The API gives the code it was sent (one we may not hold), the finder's form an area.
        area = data["area"]
        return locate_code(area) if isinstance(area, str) else locate_area(area)
    return None


def query_from(data: dict[str, Any], located: Located | None) -> SearchQuery:
    return SearchQuery(
        person=person_from(data),
        located=located is not None,
        area=located.area if located else None,
        point=located.point if located else None,
        remote_only=bool(data.get("remote_only")),
        include_not_eligible=bool(data.get("include_not_eligible")),
        limit=data.get("limit"),
    )
