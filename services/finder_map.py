"""What the finder's map draws for an answer, sent in the same response as the list.

The map once asked /api/v1/search again for what the list's request had just answered: two
searches per question, and on the caseworkers' page two answers that disagreed. Now the page
and every results fragment carry the map's data as a JSON block (``json_script``), made from the
very outcome the list shows; ``/api/v1/search`` stays for outside callers.
"""

from geography.models import CouncilArea
from services.search import Result, SearchOutcome, SearchQuery, search


def map_data(outcome: SearchOutcome, area: CouncilArea | None) -> dict:
    """The person's area, how many of the services they may use reach each area, and each listed
    service's name, where it works and where it is based.

    A base with an address is a marker (``bases``). A base known only by its council area is
    that area (``based_in_areas``): a pin at a point inside it would look like an address the
    service is at, and someone could go there."""
    return {
        "area": area.code if area else None,
        "counts_by_area": outcome.counts_by_area,
        "results": [_drawn(result) for result in outcome.results],
    }


def _drawn(result: Result) -> dict:
    return {
        "slug": result.entry.slug,
        "name": result.entry.name,
        "scope": result.reach.scope,
        "coverage": [area.code for area in result.reach.areas],
        "bases": [
            {"name": base.name, "lon": base.lon, "lat": base.lat}
            for base in result.entry.bases
            if not base.approximate
        ],
        "based_in_areas": sorted(area.code for area in result.entry.based_in),
    }


def map_before_any_answer(caseworker: bool, limit: int) -> dict:
    """The map for someone who has told us nothing: the services a search with no answers lists
    (the first ``limit``, as the list would), and how many reach each area."""
    return map_data(search(SearchQuery(include_not_eligible=caseworker, limit=limit)), None)
