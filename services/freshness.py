"""How up to date the directory is, as the about page tells it: how many services have confirmed
anything since the 2022 survey, which services were added since, and where the rest comes from."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from services.models import Service

# When the shared contacts file (routes and status from public pages) was compiled: its header.
PUBLIC_SOURCES_COMPILED = date(2026, 12, 4)


@dataclass(frozen=True)
class Freshness:
    services: int
    in_the_survey: int
    confirmed: int
    added_since_the_survey: list[Service]
    public_sources_compiled: date
    review_period_days: int


def directory_freshness() -> Freshness:
    published = Service.published_objects.all()
    return Freshness(
        services=published.count(),
        # What the survey found stays true whatever has been unpublished since.
        in_the_survey=Service.all_objects.filter(in_2022_survey=True).count(),
        confirmed=published.confirmed_by_the_service().count(),
        added_since_the_survey=list(published.added_since_the_survey().only("name", "slug")),
        public_sources_compiled=PUBLIC_SOURCES_COMPILED,
        review_period_days=settings.VERIFICATION_PERIOD_DAYS,
    )
