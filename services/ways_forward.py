"""What a person can do now: the end of every answer, so none is a dead end.

Every answer gives the urgent numbers and the mainstream services that fit the person's needs
(the NHS, housing, mental health, drugs and alcohol: the 2022 engagement found everyone used
them). They come first, at the top of the answer, when it leaves the person without a service they
can use (none found, or none working in person where they are for them) or when the age given is
under 18: the specialist services are for adults, so a young person is told so, with the
exceptions the data holds, and Childline comes first. Otherwise they follow the list, compact.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from geography.locate import Located
from helplines.directory import Directory, current_directory
from helplines.models import Helpline, Need
from services.eligibility import ADULTHOOD
from services.models import OfferCode
from services.search import SearchOutcome
from services.wording import listed

# How many of the services that take people under 18 the under-18 answer names; it counts the
# others (at ten thousand services a list of every one would be thousands of names long).
NAMED_EXCEPTIONS = 5

CHILD_PROTECTION = gettext_lazy(
    "If a child or young person is in danger now, call 999. If you are worried about one, "
    "call Police Scotland on 101 or your council's social work service."
)

# The finder's needs (what a service offers) that a mainstream service also meets.
NEEDS_FOR_OFFERS = {
    OfferCode.SEXUAL_HEALTH: Need.SEXUAL_HEALTH,
    OfferCode.HOUSING_BENEFITS: Need.HOUSING,
    OfferCode.EMOTIONAL_SUPPORT: Need.MENTAL_HEALTH,
    OfferCode.COUNSELLING: Need.MENTAL_HEALTH,
    OfferCode.DRUGS_ALCOHOL: Need.DRUGS_ALCOHOL,
}


@dataclass(frozen=True)
class WaysForward:
    # The numbers to call now, the most fitting first (Childline for an age under 18).
    helplines: tuple[Helpline, ...]
    # The mainstream services for the person's needs.
    mainstream: tuple[Helpline, ...]
    # At the top of the answer, before any service, rather than after the list.
    first: bool
    # For an age under 18: what the specialist services are, and who protects children.
    under_18: str = ""
    child_protection: str = ""
    # How many of the helplines, and of the mainstream services, are in sight; the rest are one
    # tap away, so that the answer's services are not pushed a screen down on a phone.
    numbers_in_sight: int = 1
    mainstream_in_sight: int = 0

    @property
    def in_sight(self) -> tuple[Helpline, ...]:
        return (
            *self.helplines[: self.numbers_in_sight],
            *self.mainstream[: self.mainstream_in_sight],
        )

    @property
    def more_numbers(self) -> tuple[Helpline, ...]:
        return self.helplines[self.numbers_in_sight :]

    @property
    def more_mainstream(self) -> tuple[Helpline, ...]:
        return self.mainstream[self.mainstream_in_sight :]


def mainstream_needs(needs: frozenset[str]) -> tuple[Need, ...]:
    """The mainstream routes for a person's needs, theirs first, then a GP and NHS 24 (most
    people use the NHS). Every route when they named no need a mainstream service meets."""
    fitting = list(
        dict.fromkeys(
            NEEDS_FOR_OFFERS[need]
            for need in OfferCode
            if need in needs and need in NEEDS_FOR_OFFERS
        )
    )
    if not fitting:
        return tuple(Need)
    return (*fitting, Need.HEALTH)


def ways_forward(
    directory: Directory,
    age: int | None,
    needs: frozenset[str],
    without_a_service: bool,
    open_to_younger: Sequence[tuple[str, int | None]],
) -> WaysForward:
    """``without_a_service``: the answer leaves the person without a service they can use (none
    found, or none working in person in their area for them). ``open_to_younger``: the finder's
    services that take people under 18, with their minimum age (None when none is stated)."""
    mainstream = directory.mainstream_for(mainstream_needs(needs))
    # In sight: the first urgent number (999), Childline before it for an age under 18, and for
    # a person left without a service, the mainstream services for the needs they named.
    named = {NEEDS_FOR_OFFERS[need] for need in needs if need in NEEDS_FOR_OFFERS}
    asked = [helpline for helpline in mainstream if helpline.need in named]
    if age is not None and age < ADULTHOOD:
        return WaysForward(
            (*directory.under_18, *directory.urgent),
            mainstream,
            first=True,
            under_18=under_18_text(open_to_younger),
            child_protection=str(CHILD_PROTECTION),
            numbers_in_sight=len(directory.under_18) + 1,
            mainstream_in_sight=len(asked),
        )
    return WaysForward(
        directory.urgent,
        mainstream,
        first=without_a_service,
        mainstream_in_sight=len(asked) if without_a_service else 0,
    )


def ways_forward_for(
    outcome: SearchOutcome, located: Located | None, age: int | None, needs: frozenset[str]
) -> WaysForward:
    """The ways forward for a search's answer, as the page and the API give them."""
    return ways_forward(
        current_directory(),
        age,
        needs,
        without_a_service=not outcome.results
        or (located is not None and located.area is not None and outcome.in_person_for_them == 0),
        open_to_younger=outcome.open_to_younger if age is not None and age < ADULTHOOD else (),
    )


def ways_forward_anywhere(without_a_service: bool = False) -> WaysForward:
    """For a page that asked the person nothing (a service's page, an area's page)."""
    return ways_forward(current_directory(), None, frozenset(), without_a_service, [])


def under_18_text(open_to_younger: Sequence[tuple[str, int | None]]) -> str:
    exceptions = [_exception(name, age) for name, age in open_to_younger[:NAMED_EXCEPTIONS]]
    if (others := len(open_to_younger) - len(exceptions)) > 0:
        exceptions.append(
            ngettext(
                # Translators: the last of the services that take people under 18, in "...,
                # except Roam (16 and over) and 12 others (each one's page says its ages)".
                "%(count)s other (each one's page says its ages)",
                "%(count)s others (each one's page says its ages)",
                others,
            )
            % {"count": formats.number_format(others, force_grouping=True)}
        )
    values = {"age": ADULTHOOD, "exceptions": listed(exceptions)}
    if exceptions:
        return (
            _(
                # Translators: "%(exceptions)s" lists the services that take people under 18,
                # each with its ages: "Roam (16 and over) and 2 others (each one's page says its
                # ages)".
                "The specialist services in this finder are for adults aged %(age)s and over, "
                "except %(exceptions)s. Anyone under %(age)s can talk to Childline now."
            )
            % values
        )
    return (
        _(
            "The specialist services in this finder are for adults aged %(age)s and over. "
            "Anyone under %(age)s can talk to Childline now."
        )
        % values
    )


def _exception(name: str, age: int | None) -> str:
    """A service that takes people under 18, by name, with its minimum age."""
    if age is None:
        # Translators: a service that takes people under 18 but does not say from what age.
        return _("%(service)s (no minimum age stated: ask them)") % {"service": name}
    # Translators: a service that takes people under 18, with its minimum age.
    return _("%(service)s (%(age)s and over)") % {"service": name, "age": age}
