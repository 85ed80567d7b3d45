"""What the finder's map draws for an answer, sent in the same response as the list.

The map once asked /api/v1/search again for what the list's request had just answered: two
searches per question, and on the caseworkers' page two answers that disagreed. Now the page
and every results fragment carry the map's data as a JSON block (``json_script``), made from the
very outcome the list shows; ``/api/v1/search`` stays for outside callers.
"""

from geography.models import CouncilArea
from services.catalogue import public_bases
from services.search import SearchOutcome, SearchQuery, search


def map_data(outcome: SearchOutcome, area: CouncilArea | None) -> dict:
    """The person's area, how many of the services they may use reach each area, and each listed
    service's name, where it works and its public bases."""
    return {
        "area": area.code if area else None,
        "counts_by_area": outcome.counts_by_area,
        "results": [
            {
                "slug": result.service.slug,
                "name": result.service.name,
                "scope": result.service.scope,
                "coverage": [area.code for area in result.reach.areas],
                "bases": [
                    {"lon": base.lon, "lat": base.lat, "approximate": base.approximate}
                    for base in public_bases(result.service)
                ],
            }
            for result in outcome.results
        ],
    }


def map_before_any_answer(caseworker: bool, limit: int) -> dict:
    """The map for someone who has told us nothing: the services a search with no answers lists
    (the first ``limit``, as the list would), and how many reach each area."""
    return map_data(search(SearchQuery(include_not_eligible=caseworker, limit=limit)), None)
