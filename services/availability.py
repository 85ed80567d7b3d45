"""Whether a service is within reach of a person, and why: pure, no database.

Availability is kept apart from eligibility (design §5): it says *where* a service works,
eligibility says *who* it is for, and the finder shows both.
"""

import enum
import functools
from dataclasses import dataclass, field

from geography.models import Country
from services.models import AccessCode, Scope
from services.wording import listed

Point = tuple[float, float]  # (longitude, latitude)


@dataclass(frozen=True, slots=True)
class AreaRef:
    code: str
    name: str
    country: str = Country.SCOTLAND


@dataclass(frozen=True, slots=True)
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


class Way(enum.Enum):
    """A way a service reaches a person."""

    # It works in person in the person's council area, one it lists.
    LISTED = "listed"
    # It works across all of the person's country, or all of the UK.
    NATIONWIDE = "nationwide"
    # It works online, by phone or by text.
    REMOTE = "remote"


def ways_of_reaching(
    scope: Scope, remote: bool, lists_area: bool, country: str | None, remote_only: bool
) -> tuple[Way, ...]:
    """How a service reaches a person: the availability rule, the only statement of it.

    ``lists_area``: the service lists the person's council area; ``country``: that area's
    country, None when the person is somewhere we hold no area for (at sea, outside Scotland, a
    place we could not find); ``remote_only``: the person wants support from afar only. The
    single service's reasons, the catalogue's columns over every service and the map's counts,
    and the database filter (ServiceQuerySet.working_in) all come from this function.
    """
    ways = []
    if not remote_only:
        if lists_area:
            ways.append(Way.LISTED)
        if _nationwide_reaches(scope, country):
            ways.append(Way.NATIONWIDE)
    if remote:
        ways.append(Way.REMOTE)
    return tuple(ways)


def scopes_reaching_in_person(country: str, lists_area: bool) -> list[Scope]:
    """The scopes of the services that work in person in an area of ``country``, among those
    that list it (``lists_area``) or those that do not, by :func:`ways_of_reaching`."""
    return [
        scope
        for scope in Scope
        if ways_of_reaching(scope, False, lists_area, country, remote_only=False)
    ]


def availability(reach: Reach, area: AreaRef | None, remote_only: bool = False) -> Availability:
    """Can someone in ``area`` use the service? ``area`` is None when the person is somewhere we
    hold no area for: nationwide and remote services still reach them."""
    lists_area = area is not None and area.code in reach.area_codes
    return _availability(
        reach.scope, reach.remote, reach.remote_words, lists_area, area, remote_only
    )


# Kinds of service (scope, remote, how) x whether they list the area x areas x remote only: a few
# thousand at most, and a search asks it of every service it lists.
@functools.lru_cache(maxsize=8192)
def _availability(
    scope: Scope,
    remote: bool,
    remote_words: str,
    lists_area: bool,
    area: AreaRef | None,
    remote_only: bool,
) -> Availability:
    ways = ways_of_reaching(
        scope, remote, lists_area, None if area is None else area.country, remote_only
    )
    words = {
        Way.LISTED: lambda: f"covers {area.name}",
        Way.NATIONWIDE: lambda: _scope_phrase(scope),
        Way.REMOTE: lambda: remote_words,
    }
    return Availability(bool(ways), tuple(words[way]() for way in ways))


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


def _nationwide_reaches(scope: Scope, country: str | None) -> bool:
    if scope == Scope.UK:
        return True
    if scope == Scope.SCOTLAND:
        # Someone whose area we do not know may well be in Scotland: show it rather than hide it.
        return country is None or country == Country.SCOTLAND
    return False


def _scope_phrase(scope: Scope) -> str:
    return {Scope.SCOTLAND: "all of Scotland", Scope.UK: "all of the UK"}[scope]
