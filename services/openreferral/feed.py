"""The feed's queries: a service by its feed id, and the council areas its records name."""

from django.db.models import QuerySet

from geography.models import CouncilArea
from services.models import Service
from services.openreferral.export import Area, FeedService, extent
from services.openreferral.ids import service_id


def slug_of_service_id(feed_id: str) -> str | None:
    """The slug behind a feed id. Ids are derived from slugs, so each published one is checked:
    microseconds apiece, and no column to keep in step."""
    slugs = Service.published_objects.values_list("slug", flat=True)
    return next((slug for slug in slugs if service_id(slug) == feed_id), None)


def areas_named_in(services: list[FeedService], shapes: bool = True) -> dict[str, Area]:
    """Every council area the services cover or have a base in; covered ones with their shape,
    unless ``shapes`` is false (lists that name areas without drawing them)."""
    covered = {code for service in services for code in service.record["coverage"]}
    located = {
        location["council_area"]
        for service in services
        for location in service.record["locations"]
        if location["council_area"]
    }
    areas: QuerySet[CouncilArea] = CouncilArea.objects.filter(code__in=covered | located)
    if not shapes:
        return {code: Area(name) for code, name in areas.values_list("code", "name")}
    return {
        area.code: Area(area.name, extent(area.display_boundary) if area.code in covered else "")
        for area in areas.only("code", "name", "display_boundary")
    }
