"""Who a service is for: a pure rule over plain values, no database.

A person gives only what they choose to: any answer left out ("prefer not to say") never
excludes a service; at most it makes the verdict ``unclear``. A service that does not say whether
it supports trans or non-binary people is shown as not saying, never read as yes or no (the 2022
mapping survey found this was often unclear).

The verdict's reasons are short sentences shown to the visitor as they are, in the language of
the page (or API answer) that asks.
"""

import enum
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from django.db import models
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from services.models import Inclusion, Involvement, MenServed, OfferCode, Service
from services.wording import listed

# The age from which the finder's specialist services take people unless they say otherwise; a
# person under it gets the under-18 answer (services.ways_forward).
ADULTHOOD = 18


class Status(enum.StrEnum):
    """Ordered from best to worst: a verdict takes the worst of its checks."""

    ELIGIBLE = "eligible"
    UNCLEAR = "unclear"
    NOT_ELIGIBLE = "not_eligible"

    @property
    def rank(self) -> int:
        return _STATUS_RANKS[self]

    @property
    def label(self) -> str:
        """The verdict as a visitor reads it on a result."""
        if self is Status.ELIGIBLE:
            # Translators: the verdict on a service in the finder's answer, as a tag.
            return _("For you")
        if self is Status.UNCLEAR:
            # Translators: the verdict on a service in the finder's answer, as a tag.
            return _("Check with them")
        # Translators: the verdict on a service in the finder's answer, as a tag.
        return _("Not for you")

    @property
    def heading(self) -> str:
        """The heading over the group of results with this verdict."""
        if self is Status.ELIGIBLE:
            return _("Services for you")
        if self is Status.UNCLEAR:
            return _("Services that may be for you: check with them")
        return _("Services that are not for you")


# A search asks every service's rank, so it is looked up, not found by listing the members.
_STATUS_RANKS = {status: rank for rank, status in enumerate(Status)}
ELIGIBLE, UNCLEAR, NOT_ELIGIBLE = (status.rank for status in Status)


class Gender(models.TextChoices):
    # Translators: an answer to the finder's question "Gender".
    WOMAN = "woman", gettext_lazy("Woman")
    # Translators: an answer to the finder's question "Gender".
    MAN = "man", gettext_lazy("Man")
    # Translators: an answer to the finder's question "Gender".
    NON_BINARY = "non_binary", gettext_lazy("Non-binary")


class PersonInvolvement(models.TextChoices):
    # Translators: an answer to the finder's question "Do you sell or exchange sex now?".
    CURRENT = "current", gettext_lazy("I sell or exchange sex now")
    # Translators: an answer to the finder's question "Do you sell or exchange sex now?".
    FORMER = "former", gettext_lazy("I used to, but not now")


def _hash_once(facts) -> None:
    """Keeps the hash of a frozen dataclass's fields. A search looks up a hundred verdicts by
    (rules, person), and the dataclass's own hash hashed every field each time, its enums in
    Python: that was most of a listed service's cost. Equal facts still hash alike."""
    # Read before "_hash" is set: its fields' values, in their order.
    object.__setattr__(facts, "_hash", hash(tuple(vars(facts).values())))


@dataclass(frozen=True)
class Person:
    """What a visitor chose to tell us. None means they did not say."""

    age: int | None = None
    gender: Gender | None = None
    trans: bool | None = None
    involvement: PersonInvolvement | None = None
    trafficked: bool | None = None
    needs: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        _hash_once(self)

    def __hash__(self) -> int:
        return self._hash


@dataclass(frozen=True)
class ServiceRules:
    """The facts about a service that decide who it is for."""

    min_age: int | None = None
    max_age: int | None = None
    women: bool = True
    men: MenServed = MenServed.NONE
    trans: Inclusion = Inclusion.NOT_STATED
    non_binary: Inclusion = Inclusion.NOT_STATED
    involvement: Involvement = Involvement.EITHER
    for_trafficked_people: bool = False
    offers: frozenset[str] = field(default_factory=frozenset)
    other_criteria: str = ""

    def __post_init__(self) -> None:
        _hash_once(self)

    def __hash__(self) -> int:
        return self._hash

    @classmethod
    def of(cls, service: Service) -> "ServiceRules":
        """The rules of a service whose offers were prefetched (no query if they were)."""
        return cls.from_values(
            [getattr(service, name) for name in RULE_FIELDS],
            frozenset(offer.code for offer in service.offers.all()),
        )

    @classmethod
    def from_values(cls, values: Sequence, offers: frozenset[str]) -> "ServiceRules":
        """The rules from a service's RULE_FIELDS, in that order, as the database holds them
        (a row of ``values_list(*RULE_FIELDS)``), and the codes of what it offers."""
        facts = dict(zip(RULE_FIELDS, values, strict=True))
        for name, choices in _CHOICE_FACTS.items():
            value = facts[name]
            # By a lookup: calling the enum runs Python code, and the catalogue reads thousands.
            facts[name] = _CHOICES_BY_VALUE[name].get(value) or choices(value)
        return cls(**facts, offers=offers)


# The Service fields that decide who it is for, in the order ServiceRules.from_values reads them.
RULE_FIELDS = (
    "min_age",
    "max_age",
    "women",
    "men",
    "trans",
    "non_binary",
    "involvement",
    "for_trafficked_people",
    "other_criteria",
)
# Those stored as a choice's value, read as the choice.
_CHOICE_FACTS = {
    "men": MenServed,
    "trans": Inclusion,
    "non_binary": Inclusion,
    "involvement": Involvement,
}
_CHOICES_BY_VALUE = {
    name: {choice.value: choice for choice in choices} for name, choices in _CHOICE_FACTS.items()
}


@dataclass(frozen=True)
class Verdict:
    status: Status
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class _Finding:
    status: Status
    reason: str
    # An answer the person left out that would decide it ("your age"): said once, with the
    # others, in one sentence of the verdict.
    missing: str = ""


def evaluate(service: ServiceRules, person: Person, language: str | None = None) -> Verdict:
    """Whether ``person`` can use ``service``, and why, in sentences for the visitor in the
    active language (``language``, when the caller has read it already: reading it costs
    microseconds, and a search asks for hundreds of verdicts)."""
    return _remembered_verdict(service, person, language or get_language())


def _verdict(service: ServiceRules, person: Person) -> Verdict:
    findings = [
        finding for criterion in CRITERIA for finding in criterion.findings(service, person)
    ]
    status = max((finding.status for finding in findings), key=lambda s: s.rank, default=None)
    status = status or Status.ELIGIBLE
    blocking = [f.reason for f in findings if f.status is Status.NOT_ELIGIBLE]
    unclear = [f.reason for f in findings if f.status is Status.UNCLEAR]
    missing = [f.missing for f in findings if f.missing]
    notes = [f.reason for f in findings if f.status is Status.ELIGIBLE]
    # When something rules the person out, that is the reason; otherwise say who it is for.
    summary = [] if blocking else [who_it_is_for(service)]
    # "Check with them" says what is not known: first what the person did not tell us.
    left_out = (
        [_("It depends on answers you did not give: %(answers)s") % {"answers": listed(missing)}]
        if missing
        else []
    )
    reasons = [
        *blocking,
        *summary,
        *left_out,
        *unclear,
        *notes,
        *inclusion_notes(service, person),
    ]
    return Verdict(status, tuple(dict.fromkeys(reason for reason in reasons if reason)))


def _verdict_in(service: ServiceRules, person: Person, language: str | None) -> Verdict:
    """``language`` is only the cache's key: the reasons are worded in the active language."""
    return _verdict(service, person)


# Pure and hashable both ways, so services with the same rules share one evaluation (per
# language: the reasons are words). Wrapped here, not decorated: mutation testing (make mutation)
# skips decorated functions, and this is the rule that decides every verdict.
_remembered_verdict = lru_cache(maxsize=65536)(_verdict_in)


def _the_same(person: Person) -> Person:
    return person


# One object for each set of answers lately given: a search then finds each of its hundred
# verdicts (keyed by the person) by identity, rather than comparing every answer each time.
same_person = lru_cache(maxsize=1024)(_the_same)


def who_it_is_for(service: ServiceRules) -> str:
    """One sentence naming the people a service is for: "For women aged 18 and over"."""
    people = _people_phrase(service)
    age = _age_phrase(service)
    who = _conditions_phrase(service)
    values = {"people": people, "age": age, "conditions": who}
    # "For men who have sex with men, aged 16 and over": the comma keeps the clauses apart.
    after_who = service.men is MenServed.MSM_ONLY
    if age and who:
        if after_who:
            # Translators: who a service is for: "For men who have sex with men, aged 16 and
            # over who currently sell or exchange sex".
            return _("For %(people)s, %(age)s %(conditions)s") % values
        # Translators: who a service is for: "For women aged 18 and over who currently sell or
        # exchange sex".
        return _("For %(people)s %(age)s %(conditions)s") % values
    if age:
        if after_who:
            # Translators: who a service is for: "For men who have sex with men, aged 16 and over".
            return _("For %(people)s, %(age)s") % values
        # Translators: who a service is for: "For women aged 18 and over".
        return _("For %(people)s %(age)s") % values
    if who:
        # Translators: who a service is for: "For women who have been trafficked or exploited".
        return _("For %(people)s %(conditions)s") % values
    # Translators: who a service is for: "For women and men".
    return _("For %(people)s") % values


def _people_phrase(service: ServiceRules) -> str:
    """The people a service is for, as "%(people)s" in "For %(people)s"."""
    if service.men is MenServed.ALL:
        if service.women:
            return pgettext("who a service is for, after For", "women and men")
        return pgettext("who a service is for, after For", "men")
    if service.men is MenServed.MSM_ONLY:
        if service.women:
            return pgettext(
                "who a service is for, after For", "women and men who have sex with men"
            )
        return pgettext("who a service is for, after For", "men who have sex with men")
    if service.women:
        return pgettext("who a service is for, after For", "women")
    return ""


def _age_phrase(service: ServiceRules) -> str:
    """The ages a service takes, as "%(age)s" in "For women %(age)s" and "Only for people
    %(age)s"."""
    ages = {"min": service.min_age, "max": service.max_age}
    if service.min_age is not None and service.max_age is not None:
        return pgettext("ages of the people a service is for", "aged %(min)s to %(max)s") % ages
    if service.min_age is not None:
        return pgettext("ages of the people a service is for", "aged %(min)s and over") % ages
    if service.max_age is not None:
        return pgettext("ages of the people a service is for", "aged up to %(max)s") % ages
    return ""


def _conditions_phrase(service: ServiceRules) -> str:
    """Whether a service is for people who sell or exchange sex now or did, and for people who
    were trafficked, as "%(conditions)s" in "For women %(conditions)s"."""
    trafficked = service.for_trafficked_people
    if service.involvement is Involvement.CURRENT:
        if trafficked:
            return pgettext(
                "who a service is for, after For women",
                "who currently sell or exchange sex and have been trafficked or exploited",
            )
        return pgettext(
            "who a service is for, after For women", "who currently sell or exchange sex"
        )
    if service.involvement is Involvement.FORMER:
        if trafficked:
            return pgettext(
                "who a service is for, after For women",
                "who no longer sell or exchange sex and have been trafficked or exploited",
            )
        return pgettext(
            "who a service is for, after For women", "who no longer sell or exchange sex"
        )
    if trafficked:
        return pgettext(
            "who a service is for, after For women", "who have been trafficked or exploited"
        )
    return ""


def _gender_findings(service: ServiceRules, person: Person) -> list[_Finding]:
    if person.gender == Gender.WOMAN and not service.women:
        if service.men is MenServed.MSM_ONLY:
            return [_Finding(Status.NOT_ELIGIBLE, _("Only for men who have sex with men"))]
        return [_Finding(Status.NOT_ELIGIBLE, _("Only for men"))]
    if person.gender == Gender.MAN:
        if service.men is MenServed.NONE:
            return [_Finding(Status.NOT_ELIGIBLE, _("Only for women"))]
        if service.men is MenServed.MSM_ONLY:
            return [_Finding(Status.UNCLEAR, _("Only for men who have sex with men"))]
    if person.gender == Gender.NON_BINARY:
        return _inclusion_finding(service.non_binary, NON_BINARY_PEOPLE)
    if person.gender is None and not _open_to_every_gender(service):
        # Translators: an answer a person left out, in "It depends on answers you did not give:
        # your age and your gender".
        return [_Finding(Status.UNCLEAR, "", missing=_("your gender"))]
    return []


def _open_to_every_gender(service: ServiceRules) -> bool:
    return (
        service.women and service.men is MenServed.ALL and service.non_binary is Inclusion.INCLUDED
    )


def _trans_findings(service: ServiceRules, person: Person) -> list[_Finding]:
    if person.trans is True:
        return _inclusion_finding(service.trans, TRANS_PEOPLE)
    if person.trans is None and service.trans is Inclusion.EXCLUDED:
        return [_Finding(Status.UNCLEAR, _inclusion_sentence(Inclusion.EXCLUDED, TRANS_PEOPLE))]
    return []


# The groups a service may or may not support whoever else it is for: the keys of
# _inclusion_sentence's sentences.
TRANS_PEOPLE = ("trans",)
NON_BINARY_PEOPLE = ("non_binary",)
TRANS_AND_NON_BINARY_PEOPLE = ("trans", "non_binary")


def _inclusion_finding(inclusion: Inclusion, people: tuple[str, ...]) -> list[_Finding]:
    if inclusion is Inclusion.EXCLUDED:
        return [_Finding(Status.NOT_ELIGIBLE, _inclusion_sentence(inclusion, people))]
    if inclusion is Inclusion.NOT_STATED:
        return [_Finding(Status.UNCLEAR, _inclusion_sentence(inclusion, people, ask=True))]
    return [_Finding(Status.ELIGIBLE, _inclusion_sentence(inclusion, people))]


def _inclusion_sentence(inclusion: Inclusion, people: tuple[str, ...], ask: bool = False) -> str:
    """Whether a service supports trans people, non-binary people or both (``people``: one of
    TRANS_PEOPLE, NON_BINARY_PEOPLE, TRANS_AND_NON_BINARY_PEOPLE), as a whole sentence; ``ask``
    adds that a person should ask them, for a group they said they belong to."""
    if ask:
        return str(_INCLUSION_ASK[people])
    return str(_INCLUSION[inclusion, people])


_INCLUSION = {
    (Inclusion.INCLUDED, TRANS_PEOPLE): gettext_lazy("Supports trans people"),
    (Inclusion.INCLUDED, NON_BINARY_PEOPLE): gettext_lazy("Supports non-binary people"),
    (Inclusion.INCLUDED, TRANS_AND_NON_BINARY_PEOPLE): gettext_lazy(
        "Supports trans and non-binary people"
    ),
    (Inclusion.NOT_STATED, TRANS_PEOPLE): gettext_lazy(
        "Does not say whether it supports trans people"
    ),
    (Inclusion.NOT_STATED, NON_BINARY_PEOPLE): gettext_lazy(
        "Does not say whether it supports non-binary people"
    ),
    (Inclusion.NOT_STATED, TRANS_AND_NON_BINARY_PEOPLE): gettext_lazy(
        "Does not say whether it supports trans or non-binary people"
    ),
    (Inclusion.EXCLUDED, TRANS_PEOPLE): gettext_lazy("Does not support trans people"),
    (Inclusion.EXCLUDED, NON_BINARY_PEOPLE): gettext_lazy("Does not support non-binary people"),
    (Inclusion.EXCLUDED, TRANS_AND_NON_BINARY_PEOPLE): gettext_lazy(
        "Does not support trans or non-binary people"
    ),
}
# For a person who said they are trans, or non-binary, of a service that does not say.
_INCLUSION_ASK = {
    TRANS_PEOPLE: gettext_lazy("Does not say whether it supports trans people: ask them"),
    NON_BINARY_PEOPLE: gettext_lazy("Does not say whether it supports non-binary people: ask them"),
}


def _age_findings(service: ServiceRules, person: Person) -> list[_Finding]:
    if service.min_age is None and service.max_age is None:
        return []
    if person.age is None:
        # Translators: an answer a person left out, in "It depends on answers you did not give:
        # your age and your gender".
        return [_Finding(Status.UNCLEAR, "", missing=_("your age"))]
    too_young = service.min_age is not None and person.age < service.min_age
    too_old = service.max_age is not None and person.age > service.max_age
    if too_young or too_old:
        # Translators: "%(age)s" is "aged 18 and over", "aged 16 to 25" or "aged up to 25".
        only_for = _("Only for people %(age)s") % {"age": _age_phrase(service)}
        return [_Finding(Status.NOT_ELIGIBLE, only_for)]
    return []


def _involvement_findings(service: ServiceRules, person: Person) -> list[_Finding]:
    wanted = {
        Involvement.CURRENT: PersonInvolvement.CURRENT,
        Involvement.FORMER: PersonInvolvement.FORMER,
    }.get(service.involvement)
    if wanted is None:
        return []
    if person.involvement is None:
        # Translators: an answer a person left out, in "It depends on answers you did not give:
        # your age and whether you sell or exchange sex now".
        missing = _("whether you sell or exchange sex now")
        return [_Finding(Status.UNCLEAR, "", missing=missing)]
    if person.involvement != wanted:
        if wanted == PersonInvolvement.CURRENT:
            only_for = _("Only for people who sell or exchange sex now")
        else:
            only_for = _("Only for people who no longer sell or exchange sex")
        return [_Finding(Status.NOT_ELIGIBLE, only_for)]
    return []


def _trafficked_findings(service: ServiceRules, person: Person) -> list[_Finding]:
    if not service.for_trafficked_people:
        return []
    if person.trafficked is None:
        # Translators: an answer a person left out, in "It depends on answers you did not give:
        # your age and whether you have been trafficked or exploited".
        missing = _("whether you have been trafficked or exploited")
        return [_Finding(Status.UNCLEAR, "", missing=missing)]
    if not person.trafficked:
        only_for = _("Only for people who have been trafficked or exploited")
        return [_Finding(Status.NOT_ELIGIBLE, only_for)]
    return []


def _needs_findings(service: ServiceRules, person: Person) -> list[_Finding]:
    if not person.needs:
        return []
    matching = [code for code in OfferCode.values if code in person.needs & service.offers]
    if not matching:
        return [_Finding(Status.NOT_ELIGIBLE, _("Does not offer the help you asked for"))]
    labels = [str(OfferCode(code).label).lower() for code in matching]
    # Translators: "%(kinds_of_help)s" lists kinds of help, in lower case: "Offers counselling
    # and sexual health".
    offers = _("Offers %(kinds_of_help)s") % {"kinds_of_help": listed(labels)}
    return [_Finding(Status.ELIGIBLE, offers)]


def _other_criteria_findings(service: ServiceRules, person: Person) -> list[_Finding]:
    if service.other_criteria.strip():
        # Translators: "%(conditions)s" is a service's own conditions, as the data gives them.
        conditions = _("Other conditions: %(conditions)s")
        return [
            _Finding(Status.UNCLEAR, conditions % {"conditions": service.other_criteria.strip()})
        ]
    return []


def inclusion_notes(service: ServiceRules, person: Person = Person()) -> list[str]:
    """Say plainly whether a service includes trans and non-binary people, whoever is asking.

    A group the person's own answers already brought up is left to that finding.
    """
    groups = [
        (*TRANS_PEOPLE, service.trans, person.trans is True),
        (*NON_BINARY_PEOPLE, service.non_binary, person.gender == Gender.NON_BINARY),
    ]
    by_inclusion: dict[Inclusion, tuple[str, ...]] = {}
    for people, inclusion, already_said in groups:
        if not already_said:
            by_inclusion[inclusion] = (*by_inclusion.get(inclusion, ()), people)
    return [_inclusion_sentence(inclusion, people) for inclusion, people in by_inclusion.items()]


@dataclass(frozen=True)
class Criterion:
    """One question of who a service is for, defined once: ``judge``.

    ``judge`` gives the findings for a service and a person. It is only ever handed copies that
    hold the service's ``facts`` and the person's ``answers`` (everything else left at its
    default), so what it decides depends on those alone. That is what lets :class:`RuleColumns`
    judge thousands of services at once from this same function, by judging each distinct set of
    facts once, instead of restating the rule column by column.
    """

    facts: tuple[str, ...]
    answers: tuple[str, ...]
    judge: Callable[[ServiceRules, Person], list[_Finding]]

    def facts_of(self, service: ServiceRules) -> ServiceRules:
        return ServiceRules(**{name: getattr(service, name) for name in self.facts})

    def keys_of(self, services: Iterable[ServiceRules]) -> Iterator:
        """Each service's facts for this question, as plain values (a tuple, or the one fact):
        cheap to hash, so thousands of services can be indexed by them (RuleColumns)."""
        return map(operator.attrgetter(*self.facts), services)

    def facts_with(self, key) -> ServiceRules:
        """The facts that ``keys_of`` gave as ``key``, as facts_of gives them."""
        values = key if len(self.facts) > 1 else (key,)
        return ServiceRules(**dict(zip(self.facts, values, strict=True)))

    def answers_of(self, person: Person) -> Person:
        return Person(**{name: getattr(person, name) for name in self.answers})

    def findings(self, service: ServiceRules, person: Person) -> list[_Finding]:
        return self.judge(self.facts_of(service), self.answers_of(person))


# Every question of who a service is for. A new one is a new entry here (with the facts it reads
# in ServiceRules and the answer it reads in Person); the verdict, its reasons and the search's
# column-wise statuses all follow from it.
CRITERIA = (
    Criterion(("women", "men", "non_binary"), ("gender",), _gender_findings),
    Criterion(("trans",), ("trans",), _trans_findings),
    Criterion(("min_age", "max_age"), ("age",), _age_findings),
    Criterion(("involvement",), ("involvement",), _involvement_findings),
    Criterion(("for_trafficked_people",), ("trafficked",), _trafficked_findings),
    Criterion(("offers",), ("needs",), _needs_findings),
    Criterion(("other_criteria",), (), _other_criteria_findings),
)


def worst_rank(findings: Sequence[_Finding]) -> int:
    """The rank of the status findings add up to: the worst of them, eligible when there are
    none."""
    return max((finding.status.rank for finding in findings), default=ELIGIBLE)


class RuleColumns:
    """The statuses of many services at once, for a search at 10,000 services that judges them
    all for the map's counts but words the reasons only for the few it lists.

    Nothing here restates a rule. For each criterion the services are indexed by their distinct
    facts for it (a few dozen at most where there are thousands of services); a person's answers
    are judged against each distinct set of facts by the criterion itself, and the status of every
    service is then the worst of its criteria's, read through the index. The judged statuses are
    kept per criterion and answer, so a repeated answer costs only the reading.
    """

    # The distinct answers a criterion is asked about are few (ages, genders, sets of needs), but
    # nothing stops a client sending many: the kept statuses are dropped past this many.
    KEPT_ANSWERS = 4096

    def __init__(self, rules: Sequence[ServiceRules]):
        self.size = len(rules)
        self._indexed = []
        for criterion in CRITERIA:
            positions: dict[tuple, int] = {}
            index = [positions.setdefault(key, len(positions)) for key in criterion.keys_of(rules)]
            distinct_facts = tuple(criterion.facts_with(key) for key in positions)
            self._indexed.append((criterion, distinct_facts, numpy.array(index, dtype=numpy.intp)))
        self._judged: dict[tuple[int, Person], numpy.ndarray] = {}

    def statuses(self, person: Person) -> numpy.ndarray:
        """The rank of ``evaluate(rules, person).status`` for every service, in order."""
        rank = numpy.full(self.size, ELIGIBLE, dtype=numpy.int8)
        for number, (criterion, distinct_facts, index) in enumerate(self._indexed):
            judged = self._judged_statuses(number, criterion, distinct_facts, person)
            numpy.maximum(rank, judged[index], out=rank)
        return rank

    def _judged_statuses(
        self,
        number: int,
        criterion: Criterion,
        distinct_facts: tuple[ServiceRules, ...],
        person: Person,
    ) -> numpy.ndarray:
        answers = criterion.answers_of(person)
        judged = self._judged.get((number, answers))
        if judged is None:
            if len(self._judged) >= self.KEPT_ANSWERS:
                self._judged.clear()
            judged = numpy.array(
                [worst_rank(criterion.judge(facts, answers)) for facts in distinct_facts],
                dtype=numpy.int8,
            )
            self._judged[(number, answers)] = judged
        return judged
