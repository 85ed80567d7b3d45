"""What a person can do now, on every answer that leaves them without a service they can use.

Shown at the top of an answer (before the list) when the list is empty, when nothing works in
person for the person where they are, or when the age given is under 18: the specialist services
are for adults, so a young person is told so, with the exceptions the data holds, and where to
go now. Never a dead end.
"""

from dataclasses import dataclass

from geography.locate import Located
from servicemap.helplines import CHILD_PROTECTION, CHILDLINE, URGENT_HELP, Helpline
from services.models import Service
from services.search import SearchOutcome

ADULTHOOD = 18


@dataclass(frozen=True)
class WaysForward:
    # Empty when the answer needs none.
    helplines: tuple[Helpline, ...]
    # For an age under 18: what the specialist services are, and who protects children.
    under_18: str = ""
    child_protection: str = ""

    def __bool__(self) -> bool:
        return bool(self.helplines)


def ways_forward(
    age: int | None,
    results: int,
    nothing_in_person: bool,
    open_to_younger: list[tuple[str, int | None]],
) -> WaysForward:
    """``nothing_in_person``: the person gave their area and no service there is for them.
    ``open_to_younger``: the finder's services that take people under 18, with their minimum age
    (None when none is stated)."""
    if age is not None and age < ADULTHOOD:
        return WaysForward(
            (CHILDLINE, *URGENT_HELP),
            under_18=under_18_text(open_to_younger),
            child_protection=CHILD_PROTECTION,
        )
    if results == 0 or nothing_in_person:
        return WaysForward(tuple(URGENT_HELP))
    return WaysForward(())


def ways_forward_for(
    outcome: SearchOutcome, located: Located | None, age: int | None
) -> WaysForward:
    """The ways forward for a search's answer, as the page shows them."""
    return ways_forward(
        age,
        len(outcome.results),
        nothing_in_person=located is not None
        and located.area is not None
        and outcome.in_person_for_them == 0,
        open_to_younger=open_to_younger() if age is not None and age < ADULTHOOD else [],
    )


def under_18_text(open_to_younger: list[tuple[str, int | None]]) -> str:
    exceptions = [
        f"{name} ({'no minimum age stated: ask them' if age is None else f'{age} and over'})"
        for name, age in open_to_younger
    ]
    text = f"The specialist services in this finder are for adults aged {ADULTHOOD} and over"
    if exceptions:
        text += ", except " + _joined(exceptions)
    return text + ". Anyone under 18 can talk to Childline now."


def open_to_younger() -> list[tuple[str, int | None]]:
    """The services the finder lists that take people under 18, by name."""
    services = Service.published_objects.in_finder().exclude(min_age__gte=ADULTHOOD)
    return list(services.order_by("name").values_list("name", "min_age"))


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
