"""Whether a service is within reach of a person, and why: pure, no database.

Availability is kept apart from eligibility (design §5): it says *where* a service works,
eligibility says *who* it is for, and the finder shows both.
"""

import enum
import functools
from dataclasses import dataclass, field

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from geography.models import Country
from services.models import AccessCode, Scope
from services.wording import listed

Point = tuple[float, float]  # (longitude, latitude)


@dataclass(frozen=True, slots=True)
class AreaRef:
    code: str
    name: str
    country: str = Country.SCOTLAND

    def __hash__(self) -> int:
        # Equal areas have equal codes. The code's hash is kept by the string, where hashing
        # every field ran in Python each time, and a search hashes the areas of every service it
        # lists (the wording of where each works is looked up by them).
        return hash(self.code)


@dataclass(frozen=True, slots=True)
class Reach:
    """Where a service works and how it can be reached from afar."""

    scope: Scope = Scope.AREAS
    areas: tuple[AreaRef, ...] = ()
    remote: bool = False
    access: frozenset[str] = field(default_factory=frozenset)
    bases: tuple[Point, ...] = ()
    # The ways it works remotely (REMOTE_ROUTES, in their order): what its remote phrase says.
    # Worked out once, because a search asks it of every service it lists.
    remote_routes: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "remote_routes", _remote_routes(self.access))

    def lists(self, area: AreaRef | None) -> bool:
        """Whether it works in person in ``area``, one of those it lists. Asked only of the
        services a search lists (the catalogue indexes every service's areas for the rest)."""
        return area is not None and any(each.code == area.code for each in self.areas)


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


def availability(
    reach: Reach, area: AreaRef | None, remote_only: bool = False, language: str | None = None
) -> Availability:
    """Can someone in ``area`` use the service? ``area`` is None when the person is somewhere we
    hold no area for: nationwide and remote services still reach them. Worded in the active
    language (``language``, when the caller has read it already, as a search does once)."""
    return _availability(
        reach.scope,
        reach.remote,
        reach.remote_routes,
        reach.lists(area),
        area,
        remote_only,
        language or get_language(),
    )


# Kinds of service (scope, remote, how) x whether they list the area x areas x remote only x the
# languages: a few thousand at most, and a search asks it of every service it lists.
@functools.lru_cache(maxsize=8192)
def _availability(
    scope: Scope,
    remote: bool,
    remote_routes: tuple[str, ...],
    lists_area: bool,
    area: AreaRef | None,
    remote_only: bool,
    language: str | None,
) -> Availability:
    """``language`` is only the cache's key: the reasons are worded in the active language."""
    ways = ways_of_reaching(
        scope, remote, lists_area, None if area is None else area.country, remote_only
    )
    words = {
        Way.LISTED: lambda: _covers([area.name]),
        Way.NATIONWIDE: lambda: _scope_phrase(scope),
        Way.REMOTE: lambda: _remote_words(remote_routes),
    }
    return Availability(bool(ways), tuple(words[way]() for way in ways))


def coverage(reach: Reach, remote_only: bool = False, language: str | None = None) -> Availability:
    """Where a service works, for a person who has not said where they are."""
    if remote_only:
        return availability(reach, None, remote_only=True, language=language)
    return _coverage(
        reach.areas, reach.scope, reach.remote, reach.remote_routes, language or get_language()
    )


# What a listed service's reach says, once per kind of reach and language, rather than worded
# again on every search. Keyed by what the words read, not by the Reach: a Reach kept here would
# keep its service's whole entry alive after the catalogue that held it is rebuilt.
@functools.lru_cache(maxsize=8192)
def _coverage(
    areas: tuple[AreaRef, ...],
    scope: Scope,
    remote: bool,
    remote_routes: tuple[str, ...],
    language: str | None,
) -> Availability:
    """``language`` is only the cache's key: the reasons are worded in the active language."""
    reasons = []
    if areas:
        reasons.append(_covers([area.name for area in areas]))
    if scope != Scope.AREAS:
        reasons.append(_scope_phrase(scope))
    if remote:
        reasons.append(_remote_words(remote_routes))
    return Availability(True, tuple(reasons))


# The ways of reaching a service that work from anywhere, in the order its remote phrase says them.
REMOTE_ROUTES = (AccessCode.ONLINE, AccessCode.PHONE, AccessCode.TEXT)


# By the set of access codes, of which there are a few dozen: testing each route's membership
# hashes an enum member in Python, and the catalogue makes a Reach for each of 10,000 services.
@functools.lru_cache(maxsize=256)
def _remote_routes(access: frozenset[str]) -> tuple[str, ...]:
    return tuple(code for code in REMOTE_ROUTES if code in access)


def remote_phrase(reach: Reach) -> str:
    """How a service works remotely: "online, by phone and by text", or "remotely"."""
    return _remote_words(reach.remote_routes)


def _remote_words(routes: tuple[str, ...]) -> str:
    # Each is one of the places a service works, in the list after "Where:" on a result
    # ("Where: covers Fife; online and by phone").
    words = {
        AccessCode.ONLINE: pgettext("where a service works", "online"),
        AccessCode.PHONE: pgettext("where a service works", "by phone"),
        AccessCode.TEXT: pgettext("where a service works", "by text"),
    }
    if not routes:
        return pgettext("where a service works", "remotely")
    return listed([words[code] for code in routes])


def _covers(area_names: list[str]) -> str:
    # Translators: one of the places a service works, in the list after "Where:" on a result
    # ("Where: covers Fife and Angus; all of Scotland").
    return _("covers %(areas)s") % {"areas": listed(area_names)}


def _nationwide_reaches(scope: Scope, country: str | None) -> bool:
    if scope == Scope.UK:
        return True
    if scope == Scope.SCOTLAND:
        # Someone whose area we do not know may well be in Scotland: show it rather than hide it.
        return country is None or country == Country.SCOTLAND
    return False


def _scope_phrase(scope: Scope) -> str:
    return {
        Scope.SCOTLAND: pgettext("where a service works", "all of Scotland"),
        Scope.UK: pgettext("where a service works", "all of the UK"),
    }[scope]
