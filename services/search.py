"""The finder's one search: the pure rules over the compiled catalogue of published services.

Every published service is judged for eligibility (the map shades each council area by how many
of the person's possible services reach it); the list holds those within reach of the person.
Distance only orders the list; it never hides a service.
"""

import enum
from dataclasses import dataclass, field, replace

import numpy
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from geography.distance import chords_km
from geography.locate import Located
from geography.models import CouncilArea
from services.availability import (
    AreaRef,
    Availability,
    Point,
    Reach,
    availability,
    coverage,
)
from services.catalogue import (
    Catalogue,
    Entry,
    area_ref,
    current_catalogue,
    known_distance_km,
    label_point,
    published_services,
)
from services.eligibility import Person, Status, Verdict, evaluate, same_person
from services.models import Service
from services.summary import ServiceSummary
from services.wording import SHOW_NOT_FOR_YOU, TELL_US_MORE


@dataclass(frozen=True)
class SearchQuery:
    person: Person = field(default_factory=Person)
    # located: the person said where they are. area is None when that place is in no area we hold.
    located: bool = False
    area: CouncilArea | None = None
    point: Point | None = None
    remote_only: bool = False
    include_not_eligible: bool = False
    # At most this many results, the best first (for you, then check with them; within each,
    # those a person can contact first, then the nearest); None for all of them.
    limit: int | None = None


class Placing(enum.Enum):
    """Where a listed service works, from the person's place: the answer's groups, in order."""

    # It works in person in the person's council area (it lists it).
    HERE = "in_person_here"
    # It works across Scotland or the UK, or by phone and online, but not in person there.
    WIDER = "scotland_wide_or_remote"
    # It works in person only in other council areas (SearchOutcome.further_away).
    FURTHER_AWAY = "further_away"

    def heading(self, area_name: str) -> str:
        if self is Placing.HERE:
            return _("Working in person in %(area)s") % {"area": area_name}
        if self is Placing.WIDER:
            return _("Across Scotland, the UK, or by phone and online")
        # Translators: a heading of the finder's answer, over the nearest services based in other
        # council areas.
        return _("Further away")


@dataclass(frozen=True)
class Result:
    entry: Entry
    # What the answer says of the service whoever asks (the API's answer is made of it).
    summary: ServiceSummary
    verdict: Verdict
    availability: Availability
    # To the nearest base, an area-only one placed inside its area: what the list is ranked by.
    distance_km: float | None
    # What a person or a client is told: services.catalogue.known_distance_km.
    known_distance_km: float | None = None
    # None when the person gave no council area, or asked for remote support only.
    placing: Placing | None = None
    # The service's record, for a page that shows more of it than the summary: None until
    # with_records loads it (an API answer never needs it).
    service: Service | None = None

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def reach(self) -> Reach:
        return self.entry.reach


@dataclass(frozen=True)
class SearchOutcome:
    results: list[Result]
    # How many services matched, of which ``results`` holds the first ``limit``.
    total: int
    # For the map: how many services the person may use (eligible or unclear) reach each area,
    # the area with code area_codes[i] having area_counts[i].
    area_codes: tuple[str, ...]
    area_counts: numpy.ndarray = field(compare=False)
    # True when no service the person may use lists their own area (whether or not they asked
    # for remote support only): nothing works in person where they are.
    no_local_service: bool
    # In the person's own area (0 when they gave none): how many services in the finder work in
    # person there whatever the verdict, a fact about the area; and how many of those the person
    # may use, a fact about them. The message keeps the two apart.
    in_person_here: int = 0
    in_person_for_them: int = 0
    # The nearest services the person may use that work in person only somewhere else: some
    # people travel to one, some to stay anonymous. Never mixed into ``results``.
    further_away: list[Result] = field(default_factory=list)
    # The finder's services that take people under 18, with their minimum age, by name: from the
    # same catalogue as the list, for the under-18 answer (services.ways_forward).
    open_to_younger: tuple[tuple[str, int | None], ...] = ()

    @property
    def counts_by_area(self) -> dict[str, int]:
        return dict(zip(self.area_codes, self.area_counts.tolist(), strict=True))


def search(query: SearchQuery) -> SearchOutcome:
    catalogue = current_catalogue()
    # The listed services' reasons are worded in the active language, read once here.
    language = get_language()
    area = area_ref(query.area)
    point = query.point or label_point(query.area)
    ranks = catalogue.group_columns.statuses(query.person)[catalogue.group_of]
    usable = ranks < Status.NOT_ELIGIBLE.rank
    reached = catalogue.within_reach(area, query.located, query.remote_only)
    listed = reached if query.include_not_eligible else reached & usable
    candidates = numpy.flatnonzero(listed)
    squared_chords = catalogue.squared_chords(point)
    # The verdict first, then whether the person can contact the service at all; and before
    # both, for a person who gave their area, whether it works in person there.
    standing = 2 * ranks + catalogue.no_route
    here = None
    if query.located and area is not None and not query.remote_only:
        here = numpy.zeros(len(catalogue.entries), dtype=bool)
        here[catalogue.listing.get(area.code, [])] = True
        standing = standing + _ELSEWHERE * ~here
    chosen = _best_first(
        candidates,
        standing[candidates],
        squared_chords[candidates],
        catalogue.name_order,
        query.limit,
    )
    nearest_elsewhere = (
        _nearest(catalogue, usable & ~reached & catalogue.has_base, squared_chords)
        if here is not None
        else []
    )
    # A service that left the finder after this catalogue was built has no summary: it is left out,
    # and the next version check rebuilds the catalogue without it.
    shown = [*chosen, *nearest_elsewhere]
    summaries = dict(zip(shown, catalogue.summaries(shown), strict=True))
    # Per search, each group of services with the same rules is judged once and each kind of
    # reach worded once: at ten thousand services a hundred results share a few dozen of each,
    # and hashing a set of rules or a reach for every result cost more than the rest of its work.
    judged = _Judged(catalogue, query, area, language, here)
    kilometres = dict(zip(shown, chords_km(squared_chords[shown]), strict=True))
    results = []
    for index in chosen:
        if (summary := summaries[index]) is None:
            continue
        placing = None if here is None else Placing.HERE if here[index] else Placing.WIDER
        results.append(judged.result(index, summary, kilometres[index], placing))
    further = [
        judged.result(index, summary, kilometres[index], Placing.FURTHER_AWAY)
        for index in nearest_elsewhere
        if (summary := summaries[index]) is not None
    ]
    return SearchOutcome(
        further_away=further,
        open_to_younger=catalogue.open_to_younger,
        results=results,
        total=len(candidates),
        area_codes=catalogue.area_codes,
        area_counts=catalogue.area_counts(usable, query.remote_only),
        no_local_service=query.located
        and area is not None
        and not _works_in_person_for(catalogue, area, usable, query.include_not_eligible),
        **_in_person(catalogue, area if query.located else None, usable),
    )


def with_records(outcome: SearchOutcome) -> SearchOutcome:
    """The outcome with each listed service's record, for a page that shows more of a service
    than its summary (its facts, sources, every contact route): the same seven queries however
    many it lists. A service that left the finder since the search is left out."""
    listed = [*outcome.results, *outcome.further_away]
    records = published_services().in_finder().in_bulk([result.entry.pk for result in listed])

    def recorded(results: list[Result]) -> list[Result]:
        return [
            replace(result, service=records[result.entry.pk])
            for result in results
            if result.entry.pk in records
        ]

    return replace(
        outcome, results=recorded(outcome.results), further_away=recorded(outcome.further_away)
    )


# How many services the "Further away" group names: the nearest few are a next step; more would
# push the services that work where the person is out of sight.
FURTHER_AWAY_LIMIT = 3


# Added to the standing of a service that does not work in person in the person's area: more
# than any verdict-and-contact standing (2 * the worst rank + 1), so those that do come first.
_ELSEWHERE = 2 * len(Status)


class _Judged:
    """The results of one search: each service's verdict (by its rules' group) and where it works
    (by its kind of reach), each worked out once per search and shared by the services alike."""

    def __init__(
        self,
        catalogue: Catalogue,
        query: SearchQuery,
        area: AreaRef | None,
        language: str,
        here: numpy.ndarray | None,
    ):
        self.catalogue, self.query, self.area, self.language = catalogue, query, area, language
        # Which services list the person's area (None where that changes no words: no area, or
        # remote support only).
        self.here = here
        self.person = same_person(query.person)
        self.verdicts: dict[int, Verdict] = {}
        self.reaches: dict[tuple, Availability] = {}

    def result(
        self, index: int, summary: ServiceSummary, km: float | None, placing: Placing | None
    ) -> Result:
        entry = self.catalogue.entries[index]
        group = int(self.catalogue.group_of[index])
        if (verdict := self.verdicts.get(group)) is None:
            # The reasons are worded only for the services listed.
            verdict = evaluate(entry.rules, self.person, self.language)
            self.verdicts[group] = verdict
        return Result(
            entry,
            summary,
            verdict,
            self._where(index, entry.reach, placing is Placing.FURTHER_AWAY),
            km,
            known_distance_km(entry.bases, self.query.point),
            placing,
        )

    def _where(self, index: int, reach: Reach, further_away: bool) -> Availability:
        # A service further away is said where it works, not how it reaches the person's place.
        if further_away:
            return coverage(reach, language=self.language)
        if not self.query.located:
            return coverage(reach, self.query.remote_only, self.language)
        # What the words depend on, the person's area and wishes aside (the same for them all).
        lists_area = self.here is not None and bool(self.here[index])
        key = (reach.scope, reach.remote, reach.remote_routes, lists_area)
        if (where := self.reaches.get(key)) is None:
            where = availability(reach, self.area, self.query.remote_only, self.language)
            self.reaches[key] = where
        return where


@dataclass(frozen=True)
class Group:
    """A heading of the answer, what a person should know about its services first ("" when
    nothing), and the results under it."""

    key: str
    heading: str
    results: list[Result]
    note: str = ""

    @property
    def anchor(self) -> str:
        """The heading's id on the page."""
        return self.key.replace("_", "-")


FURTHER_AWAY_NOTE = gettext_lazy(
    "These are based in other council areas, not in yours. Some people travel to one, some to "
    "stay anonymous. A service may support only people who live in the areas it covers: ask them "
    "before you go."
)


def answer_groups(outcome: SearchOutcome, area: CouncilArea | None) -> list[Group]:
    """The answer's groups, as the page and the API give them: for a person who gave their area,
    those working in person there, then those working across Scotland, the UK or remotely (each
    by verdict, then distance), then the nearest further away; otherwise one group for each
    verdict."""
    results = outcome.results
    if area is not None and any(result.placing for result in results):
        groups = [
            Group(placing.value, placing.heading(area.name), members)
            for placing in (Placing.HERE, Placing.WIDER)
            if (members := [result for result in results if result.placing is placing])
        ]
    else:
        groups = [
            Group(status.value, status.heading, members)
            for status in Status
            if (members := [result for result in results if result.status is status])
        ]
    if outcome.further_away:
        further = Placing.FURTHER_AWAY
        name = area.name if area is not None else ""
        groups.append(
            Group(
                further.value, further.heading(name), outcome.further_away, str(FURTHER_AWAY_NOTE)
            )
        )
    return groups


def _nearest(catalogue: Catalogue, wanted: numpy.ndarray, squared_chords: numpy.ndarray):
    """The FURTHER_AWAY_LIMIT nearest of the wanted services (a boolean mask), ties by name."""
    candidates = numpy.flatnonzero(wanted)
    chords = squared_chords[candidates]
    # Thousands may be wanted at ten thousand services: only those no further than the
    # FURTHER_AWAY_LIMIT-th nearest (ties included) can be among the nearest, and only they are
    # sorted.
    if len(candidates) > FURTHER_AWAY_LIMIT:
        kept = chords <= numpy.partition(chords, FURTHER_AWAY_LIMIT - 1)[FURTHER_AWAY_LIMIT - 1]
        candidates, chords = candidates[kept], chords[kept]
    order = numpy.lexsort((catalogue.name_order[candidates], chords))
    return candidates[order[:FURTHER_AWAY_LIMIT]]


def _in_person(catalogue: Catalogue, area: AreaRef | None, usable: numpy.ndarray) -> dict:
    local = catalogue.listing.get(area.code) if area is not None else None
    if local is None:
        return {"in_person_here": 0, "in_person_for_them": 0}
    return {"in_person_here": len(local), "in_person_for_them": int(usable[local].sum())}


# For the keys of _best_first: a squared chord of the unit sphere is at most 4.
_NO_BASE = 5.0
_PER_RANK = 10.0


def _best_first(
    candidates: numpy.ndarray,
    ranks: numpy.ndarray,
    squared_chords: numpy.ndarray,
    name_order: numpy.ndarray,
    limit: int | None,
) -> numpy.ndarray:
    """The first ``limit`` candidates (all when None) by standing (the verdict, then whether it
    can be contacted: ``ranks``), then distance, then name.

    Sorting thousands of candidates to list a hundred is most of the work, so when only some are
    wanted, a partition first keeps those that can be among them: every candidate whose
    verdict-and-distance key is no greater than the limit-th smallest, ties included. Rounding in
    that key only ever lets more in, and the exact sort below decides among them.
    """
    if limit is not None and len(candidates) > limit:
        key = ranks * _PER_RANK + numpy.minimum(squared_chords, _NO_BASE)
        kept = key <= numpy.partition(key, limit - 1)[limit - 1]
        candidates, ranks, squared_chords = candidates[kept], ranks[kept], squared_chords[kept]
    order = numpy.lexsort((name_order[candidates], squared_chords, ranks))
    return candidates[order[:limit]]


def _works_in_person_for(
    catalogue: Catalogue, area: AreaRef, usable: numpy.ndarray, any_verdict: bool
) -> bool:
    local = catalogue.listing.get(area.code)
    if local is None:
        return False
    return any_verdict or bool(usable[local].any())


def location_message(outcome: SearchOutcome, located: Located | None) -> str:
    """What the visitor should know about the place they gave, or an empty string.

    A sentence about the area is true of the area, whoever asks: "no specialist service works in
    person" only where none does. Where some do and none is for this person, it says so as a fact
    about their answers, and how to see those services and why."""
    if located is None:
        return ""
    sentences = [located.message] if located.message else []
    if located.area is None:
        if outcome.results:
            sentences.append(_("These services work across Scotland, the UK or remotely."))
        return " ".join(sentences)
    name = located.area.name
    if outcome.in_person_here == 0:
        sentences.append(_("No specialist service works in person in %(area)s.") % {"area": name})
    elif outcome.in_person_for_them == 0:
        count = outcome.in_person_here
        sentences.append(
            ngettext(
                "%(count)s specialist service works in person in %(area)s, but going by your "
                "answers it is not for you.",
                "%(count)s specialist services work in person in %(area)s, but going by your "
                "answers none of them is for you.",
                count,
            )
            % {"count": count, "area": name}
        )
        if not any(result.status is Status.NOT_ELIGIBLE for result in outcome.results):
            sentences.append(
                ngettext(
                    # Translators: "%(option)s" and "%(section)s" are the finder's own words for
                    # the choice to tick and the part of the form it is in.
                    "To see it and why, tick “%(option)s” under “%(section)s”.",
                    "To see them and why, tick “%(option)s” under “%(section)s”.",
                    count,
                )
                % {"option": SHOW_NOT_FOR_YOU, "section": TELL_US_MORE}
            )
    if outcome.in_person_for_them == 0 and outcome.results:
        sentences.append(
            _("These services support people there from across Scotland, the UK or remotely.")
        )
    return " ".join(sentences)
