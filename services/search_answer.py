"""The search's answer, as `POST /api/v1/search` gives it: defined once, as structures
(servicemap/api_structs.py), from which come its JSON and its OpenAPI description.

Each result is its service's summary (made once per catalogue, services/summary.py) followed by
what depends on the person: the verdict, its reasons, why the service reaches them and how far it
is. tests/api/test_fuzz.py checks every answer against the description.
"""

import functools
from datetime import date
from typing import Annotated, Literal

import msgspec
from django.utils.translation import get_language
from msgspec import Meta, Struct

from geography.locate import Located
from helplines.models import Need
from servicemap.api_structs import choice, encode
from services import ways_forward as ways
from services.eligibility import Status
from services.models import WorkingLanguage
from services.search import Placing, Result, SearchOutcome, answer_groups, location_message
from services.summary import ServiceSummary
from services.working_languages import LanguageSupport, language_name, support_in, support_text


class AreaSummary(Struct, frozen=True, gc=False):
    code: str
    name: str


class LanguageAnswer(Struct, frozen=True, gc=False):
    """What the service's record says of the language the person asked for. It never leaves a
    service out."""

    language: choice(WorkingLanguage)
    support: Annotated[
        choice(LanguageSupport),
        Meta(
            description="works_in: its staff work in it; interpreters: not among its staff's "
            "languages, but it uses interpreters; neither: not among them, and it does not use "
            "interpreters; not_known: nobody has said (never read as no). How sure, and whether "
            "the service confirmed it: see `languages`."
        ),
    ]
    text: Annotated[str, Meta(description="The same in words, as the finder's page says it.")]

    @classmethod
    def of(cls, summary: ServiceSummary, language: str) -> "LanguageAnswer":
        languages = summary.languages
        support = support_in(language, languages.works_in, languages.interpreters)
        return cls(language, support, support_text(support, summary.name, language_name(language)))


class SearchResult(ServiceSummary, frozen=True, gc=False):
    """One service in the answer: what it is, then whether the person may use it and why."""

    status: Literal[tuple(status.value for status in Status)]
    reasons: tuple[str, ...]
    available_because: tuple[str, ...]
    distance_km: Annotated[
        float | None,
        Meta(
            description="Kilometres to its nearest public base with an address, from the place, "
            "postcode or point given; null when a council area was given instead, or when the "
            "service's bases are known only by their council area (see bases[].approximate)."
        ),
    ]
    language_support: Annotated[
        LanguageAnswer | None,
        Meta(description="For the language asked for; null when none was."),
    ]

    @classmethod
    def of(cls, result: Result, language: str | None = None) -> "SearchResult":
        known = result.known_distance_km
        return cls(
            *msgspec.structs.astuple(result.summary),
            result.status.value,
            result.verdict.reasons,
            result.availability.because,
            None if known is None else round(known, 1),
            LanguageAnswer.of(result.summary, language) if language else None,
        )


class Helpline(Struct, frozen=True, gc=False):
    name: str
    number: str
    hours: str
    for_what: Annotated[str, Meta(description="Who it is for, and when to call.")]
    need: Annotated[
        Literal[(*Need.values, "")],
        Meta(description="For a mainstream service, what it helps with; empty for the others."),
    ]
    source: Annotated[str, Meta(description="Who published the page its number comes from.")]
    source_url: str
    checked_on: Annotated[date, Meta(description="When it was last checked on that page.")]
    confirmed_on: Annotated[
        date | None,
        Meta(description="When the helpline confirmed it to us; null: not confirmed."),
    ]

    @classmethod
    def of(cls, helpline) -> "Helpline":
        """``helpline``: a helplines.models.Helpline, from the database or the helplines file."""
        return cls(
            helpline.name,
            helpline.number,
            helpline.hours,
            helpline.for_what,
            helpline.need,
            helpline.source_title,
            helpline.source_url,
            helpline.checked_on,
            helpline.confirmed_on,
        )


class _Itself:
    """A cache key that is its object itself, by identity, and keeps it alive while kept: a
    helpline row as helplines.directory read it, which nothing changes once read (an edit is
    read again as a new row), whether from the database or from the helplines file (whose rows
    have no key to hash)."""

    __slots__ = ("item",)

    def __init__(self, item) -> None:
        self.item = item

    def __hash__(self) -> int:
        return id(self.item)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Itself) and other.item is self.item


def _helpline_in(helpline: _Itself, language: str) -> Helpline:
    """``language``, the active one, is only the cache's key."""
    return Helpline.of(helpline.item)


# Every answer carries the helplines, and each read of a row's translated words goes through
# django-modeltranslation: made once per row and language, they took a search at seed scale from
# 1,590 to 1,277 µs a request in-process (2026-12-07). Wrapped, not decorated, as
# services/eligibility.py's verdicts are, for mutation testing.
_remembered_helpline = functools.lru_cache(maxsize=512)(_helpline_in)


class WaysForward(Struct, frozen=True, gc=False):
    """What the person can do now, on every answer, as the finder's page shows it: at the top of
    the answer (``first``) when it leaves them without a service they can use (none found, or none
    working in person in their area for them) or the age given is under 18; otherwise after the
    list."""

    first: Annotated[bool, Meta(description="Shown before the services, not after them.")]
    under_18: Annotated[
        str,
        Meta(
            description="For an age under 18: that the specialist services are for adults, with "
            "the exceptions the data holds."
        ),
    ]
    child_protection: Annotated[
        str, Meta(description="For an age under 18: who to tell that a child is at risk.")
    ]
    helplines: Annotated[
        tuple[Helpline, ...],
        Meta(
            description="Numbers to call now, the first the most fitting (Childline for an age "
            "under 18)."
        ),
    ]
    mainstream: Annotated[
        tuple[Helpline, ...],
        Meta(
            description="Mainstream services (the NHS, housing, mental health, drugs and "
            "alcohol) for the needs given, theirs first; all of them when none was given."
        ),
    ]

    @classmethod
    def of(cls, forward: ways.WaysForward) -> "WaysForward":
        # The words are the page's language, read here: SearchAnswer's ``language`` is the one the
        # person would like support in.
        language = get_language()
        return cls(
            forward.first,
            forward.under_18,
            forward.child_protection,
            tuple(_remembered_helpline(_Itself(row), language) for row in forward.helplines),
            tuple(_remembered_helpline(_Itself(row), language) for row in forward.mainstream),
        )


class AnswerGroup(Struct, frozen=True, gc=False):
    """A heading of the answer, as the finder's page shows it, and the services under it."""

    key: Annotated[
        Literal[(*(placing.value for placing in Placing), *(status.value for status in Status))],
        Meta(
            description="For a person who gave their council area: in_person_here, then "
            "scotland_wide_or_remote, then further_away. Otherwise one group a verdict: "
            "eligible, unclear, not_eligible."
        ),
    ]
    heading: str
    services: Annotated[
        tuple[str, ...],
        Meta(description="Slugs of the services of `results` (or `further_away`), in order."),
    ]


class SearchAnswer(Struct, frozen=True, gc=False):
    """Which services a person may use, and why, grouped as the finder's page shows them."""

    area: AreaSummary | None
    message: Annotated[
        str, Meta(description="Something the visitor should know about their location.")
    ]
    count: Annotated[
        int, Meta(description="How many services matched; results holds the first `limit`.")
    ]
    results: tuple[SearchResult, ...]
    further_away: Annotated[
        tuple[SearchResult, ...],
        Meta(
            description="The nearest services (at most 3) the person may use that work in "
            "person only in other council areas, for a person who gave where they are: some "
            "people travel to one. Never any of `results`; a service may support only people "
            "from its own areas."
        ),
    ]
    groups: Annotated[
        tuple[AnswerGroup, ...],
        Meta(
            description="How the page groups `results` and `further_away` under headings, in "
            "order: those working in person in the person's area come first."
        ),
    ]
    counts_by_area: Annotated[
        dict[str, int],
        Meta(
            description="For each council area, how many of the services the person may use "
            "reach it."
        ),
    ]
    ways_forward: WaysForward

    @classmethod
    def of(
        cls,
        outcome: SearchOutcome,
        located: Located | None,
        forward: ways.WaysForward,
        language: str | None = None,
    ) -> "SearchAnswer":
        area = located.area if located else None
        return cls(
            AreaSummary(area.code, area.name) if area else None,
            location_message(outcome, located),
            outcome.total,
            tuple(SearchResult.of(result, language) for result in outcome.results),
            tuple(SearchResult.of(result, language) for result in outcome.further_away),
            tuple(
                AnswerGroup(
                    group.key, group.heading, tuple(result.entry.slug for result in group.results)
                )
                for group in answer_groups(outcome, area)
            ),
            dict(zip(outcome.area_codes, outcome.area_counts.tolist(), strict=True)),
            WaysForward.of(forward),
        )


def search_answer_json(
    outcome: SearchOutcome,
    located: Located | None,
    forward: ways.WaysForward,
    language: str | None = None,
) -> bytes:
    return encode(SearchAnswer.of(outcome, located, forward, language))
