"""Whether a service is within reach of a person, and why: pure, no database.

Availability is kept apart from eligibility (design §5): it says *where* a service works,
eligibility says *who* it is for, and the finder shows both.
"""

from dataclasses import dataclass, field

from geography.distance import great_circle_km
from geography.models import Country
from services.models import AccessCode, Scope
from services.wording import listed

Point = tuple[float, float]  # (longitude, latitude)


@dataclass(frozen=True)
class AreaRef:
    code: str
    name: str
    country: str = Country.SCOTLAND


@dataclass(frozen=True)
class Reach:
    """Where a service works and how it can be reached from afar."""

    scope: Scope = Scope.AREAS
    areas: tuple[AreaRef, ...] = ()
    remote: bool = False
    access: frozenset[str] = field(default_factory=frozenset)
    bases: tuple[Point, ...] = ()
    # Worked out once, because a search asks them of thousands of services.
    area_codes: frozenset[str] = field(init=False, repr=False, compare=False)
    remote_words: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "area_codes", frozenset(area.code for area in self.areas))
        object.__setattr__(self, "remote_words", remote_phrase(self))


@dataclass(frozen=True)
class Availability:
    reachable: bool
    because: tuple[str, ...]


def availability(reach: Reach, area: AreaRef | None, remote_only: bool = False) -> Availability:
    """Can someone in ``area`` use the service? ``area`` is None when the person is somewhere we
    hold no area for (at sea, outside Scotland, a place we could not find): nationwide and remote
    services still reach them."""
    reasons = []
    if not remote_only:
        if area is not None and area.code in reach.area_codes:
            reasons.append(f"covers {area.name}")
        if _nationwide_reaches(reach.scope, area):
            reasons.append(_scope_phrase(reach.scope))
    if reach.remote:
        reasons.append(reach.remote_words)
    return Availability(bool(reasons), tuple(reasons))


def coverage(reach: Reach, remote_only: bool = False) -> Availability:
    """Where a service works, for a person who has not said where they are."""
    if remote_only:
        return availability(reach, None, remote_only=True)
    reasons = []
    if reach.areas:
        reasons.append("covers " + listed([area.name for area in reach.areas]))
    if reach.scope != Scope.AREAS:
        reasons.append(_scope_phrase(reach.scope))
    if reach.remote:
        reasons.append(reach.remote_words)
    return Availability(True, tuple(reasons))


def remote_phrase(reach: Reach) -> str:
    routes = [
        phrase
        for code, phrase in (
            (AccessCode.ONLINE, "online"),
            (AccessCode.PHONE, "by phone"),
            (AccessCode.TEXT, "by text"),
        )
        if code in reach.access
    ]
    return listed(routes) if routes else "remotely"


def nearest_base_km(reach: Reach, point: Point | None) -> float | None:
    """Great-circle distance to the nearest base, or None without a point or a base."""
    if point is None or not reach.bases:
        return None
    return min(great_circle_km(*point, *base) for base in reach.bases)


def _nationwide_reaches(scope: Scope, area: AreaRef | None) -> bool:
    if scope == Scope.UK:
        return True
    if scope == Scope.SCOTLAND:
        # Someone whose area we do not know may well be in Scotland: show it rather than hide it.
        return area is None or area.country == Country.SCOTLAND
    return False


def _scope_phrase(scope: Scope) -> str:
    return {Scope.SCOTLAND: "all of Scotland", Scope.UK: "all of the UK"}[scope]
