"""The offline gazetteer: place names and postcodes to points, answered from our own tables.

Two of the finder's location routes end here: a town or village name (with suggestions as the
visitor types) and a full postcode or postcode district. The tables are filled by
:func:`geography.gazetteer_import.import_places` from OS Open Names and the ONS postcode lookup,
so what a visitor types is looked up on our server only. It is never stored, logged or sent
anywhere, and no message or exception here repeats it except the answer shown back to the visitor.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geography.models import Place, PlaceKind, PlaceQuerySet, Postcode, PostcodeDistrict

# One letter matches too much to be worth a query; two already narrow Scotland to a few dozen.
MIN_SEARCH_LENGTH = 2

# A postcode is an outward code (the district: A9, A99, A9A, AA9, AA99 or AA9A) and an inward code
# (digit, letter, letter). GIR 0AA is the one historic exception.
_POSTCODE = re.compile(
    r"\s*(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)\s*(?P<inward>[0-9][A-Z]{2})?\s*"
)
_NOT_LETTER_OR_DIGIT = re.compile(r"[^0-9a-z]+")

INVALID_POSTCODE_MESSAGE = gettext_lazy(
    "That is not a postcode. Enter a full postcode, like EH6 5AB, or its first part, like EH6."
)
UNKNOWN_POSTCODE_MESSAGE = gettext_lazy(
    "We could not find that postcode. We only know postcodes in Scotland."
)


# Normalising what people type


def search_key(text: str) -> str:
    """Lower case, accents dropped and punctuation as single spaces: "Àird a' Mhulaidh" -> "aird a
    mhulaidh", so a visitor without a Gaelic keyboard (or who leaves out the apostrophe) finds it.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    unaccented = "".join(
        character for character in decomposed if not unicodedata.combining(character)
    )
    return " ".join(_NOT_LETTER_OR_DIGIT.sub(" ", unaccented).split())


class PostcodeParts(NamedTuple):
    outward: str
    inward: str  # empty for a postcode district on its own

    def __str__(self) -> str:
        return f"{self.outward} {self.inward}" if self.inward else self.outward


def parse_postcode(text: str) -> PostcodeParts | None:
    """A full postcode or a district in any case, with or without the space ("eh65ab", "EH6 5AB",
    "eh6"), or None when the text cannot be a UK postcode."""
    match = _POSTCODE.fullmatch(text.upper())
    if match is None:
        return None
    outward, inward = match.group("outward", "inward")
    return PostcodeParts(outward, inward or "")


# Postcode lookups


class Point(NamedTuple):
    lon: float
    lat: float


class PostcodeMatch(models.TextChoices):
    POSTCODE = "postcode", "Postcode"
    DISTRICT = "district", "Postcode district"
    NOT_FOUND = "not_found", "Not found"
    INVALID = "invalid", "Not a postcode"


@dataclass(frozen=True)
class PostcodeResult:
    """What a postcode resolved to. ``point`` is None unless ``matched`` is a postcode or district;
    ``postcode`` is the text in standard form ("EH6 5AB", "EH6"), empty when it is no postcode."""

    matched: PostcodeMatch
    point: Point | None
    postcode: str
    message: str


def resolve_postcode(text: str) -> PostcodeResult:
    """A full postcode to its point; a district, or a full postcode we lack, to the district's
    middle; otherwise a not-found or invalid answer with a message for the visitor."""
    parts = parse_postcode(text)
    if parts is None:
        return PostcodeResult(PostcodeMatch.INVALID, None, "", str(INVALID_POSTCODE_MESSAGE))
    postcode = str(parts)
    if parts.inward:
        point = Postcode.objects.filter(code=postcode).values_list("lon", "lat").first()
        if point:
            message = _("Using postcode %(postcode)s.") % {"postcode": postcode}
            return PostcodeResult(PostcodeMatch.POSTCODE, Point(*point), postcode, message)
    point = PostcodeDistrict.objects.filter(code=parts.outward).values_list("lon", "lat").first()
    if point is None:
        return PostcodeResult(
            PostcodeMatch.NOT_FOUND, None, postcode, str(UNKNOWN_POSTCODE_MESSAGE)
        )
    if parts.inward:
        # NSPL lags new streets by months; the district still puts the visitor in the right area.
        message = _(
            "We do not know the postcode %(postcode)s, so we are using the middle of the "
            "%(district)s postcode district."
        ) % {"postcode": postcode, "district": parts.outward}
    else:
        message = _("Using the middle of the %(district)s postcode district.") % {
            "district": parts.outward
        }
    return PostcodeResult(PostcodeMatch.DISTRICT, Point(*point), postcode, message)


# Place lookups


@dataclass(frozen=True)
class PlaceMatch:
    """A place as the finder offers it; ``label`` tells it from every other place."""

    name: str
    alternative_name: str
    kind: PlaceKind
    council_area_name: str  # empty for the few places outside every council area
    council_area_code: str
    lon: float
    lat: float
    label: str


class PlaceOutcome(models.TextChoices):
    FOUND = "found", "Found"
    AMBIGUOUS = "ambiguous", "More than one place has this name"
    NOT_FOUND = "not_found", "Not found"


@dataclass(frozen=True)
class PlaceResolution:
    """What a submitted place name resolved to.

    ``place`` is the place meant, when the text names one; ``candidates`` are every place it may
    mean, best first (the places of that name, or similar names when none has it exactly), for a
    "did you mean" or "not this one?" list.
    """

    outcome: PlaceOutcome
    place: PlaceMatch | None
    candidates: tuple[PlaceMatch, ...]
    message: str


def suggest_places(text: str, limit: int = 8) -> list[PlaceMatch]:
    """Places whose name or alternative name starts with the text, ignoring case and accents:
    exact names first, then larger kinds of place, then alphabetical."""
    key = search_key(text)
    if len(key) < MIN_SEARCH_LENGTH:
        return []
    # Twice the limit, so dropping OS's double entries of one place still leaves enough.
    return _one_per_label(Place.objects.suggested_for(key)[: limit * 2])[:limit]


def resolve_place(text: str) -> PlaceResolution:
    """The place a submitted name means. Accepts a bare name ("Inverness", "Inbhir Nis"), a
    suggestion's label ("Newton, near Wick, Highland") or a name and council area ("Newton,
    Highland")."""
    name, _comma, qualifier = text.partition(",")
    key = search_key(name)
    if len(key) < MIN_SEARCH_LENGTH:
        return PlaceResolution(
            PlaceOutcome.NOT_FOUND, None, (), _("Enter the name of a city, town or village.")
        )
    candidates = _one_per_label(Place.objects.named(key).largest_first())
    if not candidates:
        similar = tuple(suggest_places(name))
        if similar:
            message = _(
                "We could not find a place with that name in Scotland. Did you mean one of these?"
            )
        else:
            message = _("We could not find a place with that name in Scotland.")
        return PlaceResolution(PlaceOutcome.NOT_FOUND, None, similar, message)
    if qualifier.strip():
        candidates = _narrowed(candidates, text) or candidates
    place = _the_one_meant(candidates)
    if place:
        return PlaceResolution(PlaceOutcome.FOUND, place, tuple(candidates), "")
    return PlaceResolution(
        PlaceOutcome.AMBIGUOUS,
        None,
        tuple(candidates),
        _("More than one place in Scotland has that name. Choose the one you mean."),
    )


def _narrowed(candidates: list[PlaceMatch], text: str) -> list[PlaceMatch]:
    """The candidates the text's label or council area picks out, if it picks out any."""
    exact = [place for place in candidates if search_key(place.label) == search_key(text)]
    if exact:
        return exact
    area = search_key(text.rpartition(",")[2])
    return [place for place in candidates if search_key(place.council_area_name) == area]


def _the_one_meant(candidates: list[PlaceMatch]) -> PlaceMatch | None:
    if len(candidates) == 1:
        return candidates[0]
    # Someone who types "Wick" means the town, not a hamlet of that name; among villages and
    # smaller places no one of them is the obvious meaning. Candidates are largest first.
    towns = [place for place in candidates if place.kind in (PlaceKind.CITY, PlaceKind.TOWN)]
    return towns[0] if len(towns) == 1 else None


def _one_per_label(places: PlaceQuerySet) -> list[PlaceMatch]:
    """The places in their order, as matches. OS lists a few places twice under two kinds
    (Sandwick, Shetland, as a village and a suburban area 800 m apart); a visitor cannot tell them
    apart, so the first (largest) stands for both."""
    # Values rather than select_related: a joined council area would bring its whole boundary.
    rows = places.values_list(
        "name",
        "alternative_name",
        "kind",
        "council_area__name",
        "council_area__code",
        "lon",
        "lat",
        "label",
    )
    matches: dict[str, PlaceMatch] = {}
    for name, alternative_name, kind, area_name, area_code, lon, lat, label in rows:
        if label not in matches:
            matches[label] = PlaceMatch(
                name,
                alternative_name,
                PlaceKind(kind),
                area_name or "",
                area_code or "",
                lon,
                lat,
                label,
            )
    return list(matches.values())
