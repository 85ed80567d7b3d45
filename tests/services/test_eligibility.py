"""Who each of the 19 real services is for, read as a specification: one row per case."""

import itertools
from dataclasses import replace

import pytest
from django.utils import translation

from services.eligibility import (
    CRITERIA,
    Gender,
    Person,
    PersonInvolvement,
    RuleColumns,
    ServiceRules,
    Status,
    Verdict,
    evaluate,
    who_it_is_for,
)
from services.models import Inclusion, Involvement, MenServed, Service
from tests.conftest import committed_as_at_session_start

# The rules are pure: only the tests of stored services ask for the database (the 19 real
# services' rules are read once), so the others run once in `make test`, not once a database.

ELIGIBLE, UNCLEAR, NOT_ELIGIBLE = Status.ELIGIBLE, Status.UNCLEAR, Status.NOT_ELIGIBLE
WOMAN, MAN, NON_BINARY = Gender.WOMAN, Gender.MAN, Gender.NON_BINARY
CURRENT, FORMER = PersonInvolvement.CURRENT, PersonInvolvement.FORMER

woman_25 = Person(age=25, gender=WOMAN, trans=False)


@pytest.fixture(scope="module")
def rules_by_slug(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        # Run among the tests without the database, after pytest-django's transactional ones,
        # whose closing flushes empty the services.
        committed_as_at_session_start()
        return {
            service.slug: ServiceRules.of(service)
            for service in Service.all_objects.prefetch_related("offers")
        }


@pytest.mark.parametrize(
    ("slug", "person", "status", "reason"),
    [
        # Roam: 16+, men who have sex with men only.
        ("roam", Person(age=17, gender=MAN), UNCLEAR, "Only for men who have sex with men"),
        ("roam", Person(age=15, gender=MAN), NOT_ELIGIBLE, "Only for people aged 16 and over"),
        ("roam", woman_25, NOT_ELIGIBLE, "Only for men who have sex with men"),
        ("roam", Person(age=30, gender=NON_BINARY), UNCLEAR, "ask them"),
        (
            "roam",
            Person(),
            UNCLEAR,
            "For men who have sex with men, aged 16 and over",
        ),
        # You My Sister: women who no longer sell or exchange sex.
        ("you-my-sister", Person(age=30, gender=WOMAN, involvement=FORMER), ELIGIBLE, None),
        (
            "you-my-sister",
            Person(age=30, gender=WOMAN, involvement=CURRENT),
            NOT_ELIGIBLE,
            "Only for people who no longer sell or exchange sex",
        ),
        (
            "you-my-sister",
            woman_25,
            UNCLEAR,
            "For women aged 18 and over who no longer sell or exchange sex",
        ),
        # TARA: women who have been trafficked, anywhere in Scotland.
        ("tara", Person(age=25, gender=WOMAN, trafficked=True), ELIGIBLE, None),
        (
            "tara",
            Person(age=25, gender=WOMAN, trafficked=False),
            NOT_ELIGIBLE,
            "Only for people who have been trafficked or exploited",
        ),
        ("tara", woman_25, UNCLEAR, "who have been trafficked or exploited"),
        ("tara", Person(age=25, gender=MAN, trafficked=True), NOT_ELIGIBLE, "Only for women"),
        # Police-led outreach: women and men currently selling or exchanging sex.
        ("leith-partnership", Person(age=40, gender=MAN, involvement=CURRENT), ELIGIBLE, None),
        (
            "operation-begonia",
            Person(age=40, gender=WOMAN, involvement=FORMER),
            NOT_ELIGIBLE,
            "Only for people who sell or exchange sex now",
        ),
        # Trans and non-binary inclusion not stated: never read as yes or no.
        (
            "fedcap-pilot",
            Person(age=30, gender=NON_BINARY),
            UNCLEAR,
            "Does not say whether it supports non-binary people: ask them",
        ),
        (
            "remploy-south-lanarkshire",
            Person(age=30, gender=WOMAN, trans=True),
            UNCLEAR,
            "Does not say whether it supports trans people: ask them",
        ),
        (
            "remploy-south-lanarkshire",
            Person(age=30, gender=WOMAN, trans=False),
            ELIGIBLE,
            "Does not say whether it supports trans or non-binary people",
        ),
        # Explicitly inclusive services.
        ("wishes", Person(age=30, gender=WOMAN, trans=True), ELIGIBLE, "Supports trans"),
        ("wishes", Person(age=30, gender=NON_BINARY), ELIGIBLE, "For women aged 18 and over"),
        ("wishes", Person(age=30, gender=MAN), NOT_ELIGIBLE, "Only for women"),
        # Age limits.
        ("wishes", Person(age=17, gender=WOMAN), NOT_ELIGIBLE, "Only for people aged 18 and over"),
        ("wishes", Person(age=18, gender=WOMAN, trans=False), ELIGIBLE, None),
        ("wishes", Person(gender=WOMAN, trans=False), UNCLEAR, "For women aged 18 and over"),
        ("national-ugly-mugs", Person(age=99, gender=MAN), ELIGIBLE, None),
        # What they offer, when the person asks for something.
        (
            "fedcap-pilot",
            Person(age=30, gender=MAN, needs=frozenset({"sexual_health"})),
            NOT_ELIGIBLE,
            "Does not offer the help you asked for",
        ),
        (
            "quay-services",
            Person(age=30, gender=WOMAN, needs=frozenset({"sexual_health", "drugs_alcohol"})),
            ELIGIBLE,
            "Offers sexual health and drugs and alcohol support",
        ),
    ],
)
def test_verdicts_for_the_real_services(rules_by_slug, slug, person, status, reason):
    verdict = evaluate(rules_by_slug[slug], person)

    assert verdict.status is status, verdict.reasons
    if reason:
        # The reason opens or closes one of the sentences: any other words around it would show.
        assert any(
            sentence.startswith(reason) or sentence.endswith(reason) for sentence in verdict.reasons
        ), verdict.reasons


def test_an_empty_person_is_never_excluded(rules_by_slug):
    verdicts = {slug: evaluate(rules, Person()) for slug, rules in rules_by_slug.items()}

    assert len(verdicts) == 19
    # Every real service has an age limit or leaves some gender out (or does not say), so someone
    # who says nothing is asked to check.
    assert {verdict.status for verdict in verdicts.values()} == {UNCLEAR}
    assert evaluate(OPEN_TO_EVERYONE, Person()).status is ELIGIBLE


def complete_people():
    return [
        Person(age=age, gender=gender, trans=trans, involvement=involvement, trafficked=trafficked)
        for age, gender, trans, involvement, trafficked in itertools.product(
            (15, 17, 30), list(Gender), (True, False), list(PersonInvolvement), (True, False)
        )
    ]


ANSWERS = ("age", "gender", "trans", "involvement", "trafficked")

# No limit of any kind: for anyone, whatever they say or leave out.
OPEN_TO_EVERYONE = ServiceRules(
    women=True, men=MenServed.ALL, trans=Inclusion.INCLUDED, non_binary=Inclusion.INCLUDED
)


def test_leaving_out_answers_never_excludes_anyone_the_full_answers_would_not(rules_by_slug):
    """For every service, every combination of answers, and every way of leaving some out:
    if the shorter answer rules the person out, so does the full one."""
    checked = 0
    seen = {"full": set(), "partial": set()}
    for rules in rules_by_slug.values():
        for person in complete_people():
            full = evaluate(rules, person).status
            seen["full"].add(full)
            for size in range(1, len(ANSWERS) + 1):
                for left_out in itertools.combinations(ANSWERS, size):
                    partial = replace(person, **dict.fromkeys(left_out))
                    partial_status = evaluate(rules, partial).status
                    seen["partial"].add(partial_status)
                    if partial_status is NOT_ELIGIBLE:
                        assert full is NOT_ELIGIBLE, (rules, partial)
                    checked += 1
    assert checked == 19 * 72 * 31
    # The rule was put to the test: full answers reach every verdict, and a shorter answer can
    # still rule a person out (a woman of 15 who leaves out her gender is still 15).
    assert seen == {"full": {ELIGIBLE, UNCLEAR, NOT_ELIGIBLE}, "partial": set(Status)}


@pytest.mark.parametrize(
    ("rules", "sentence"),
    [
        (ServiceRules(min_age=18, women=True), "For women aged 18 and over"),
        (
            ServiceRules(min_age=18, women=True, men=MenServed.ALL),
            "For women and men aged 18 and over",
        ),
        (
            ServiceRules(min_age=16, women=False, men=MenServed.MSM_ONLY),
            "For men who have sex with men, aged 16 and over",
        ),
        (ServiceRules(min_age=16, max_age=25, women=True), "For women aged 16 to 25"),
        (ServiceRules(max_age=25, women=True), "For women aged up to 25"),
        (
            ServiceRules(min_age=18, involvement=Involvement.CURRENT),
            "For women aged 18 and over who currently sell or exchange sex",
        ),
        (
            ServiceRules(for_trafficked_people=True, involvement=Involvement.FORMER),
            "For women who no longer sell or exchange sex and have been trafficked or exploited",
        ),
    ],
)
def test_who_a_service_is_for_in_one_sentence(rules, sentence):
    assert who_it_is_for(rules) == sentence


@pytest.mark.parametrize("inclusion", list(Inclusion), ids=str)
@pytest.mark.parametrize("group", ["trans", "non_binary"])
def test_every_inclusion_answer_has_its_own_verdict_and_words(inclusion, group):
    rules = ServiceRules(women=True, men=MenServed.ALL, **{group: inclusion})
    person = Person(gender=WOMAN, trans=True) if group == "trans" else Person(gender=NON_BINARY)
    people = "trans people" if group == "trans" else "non-binary people"
    expected = {
        Inclusion.INCLUDED: (ELIGIBLE, None),
        Inclusion.NOT_STATED: (UNCLEAR, f"Does not say whether it supports {people}: ask them"),
        Inclusion.EXCLUDED: (NOT_ELIGIBLE, f"Does not support {people}"),
    }[inclusion]

    verdict = evaluate(rules, person)

    assert verdict.status is expected[0]
    if expected[1]:
        assert expected[1] in verdict.reasons


def test_a_service_that_excludes_trans_people_is_unclear_for_someone_who_did_not_say():
    rules = ServiceRules(women=True, trans=Inclusion.EXCLUDED)

    verdict = evaluate(rules, Person(gender=WOMAN, age=30))

    assert verdict.status is UNCLEAR
    assert "Does not support trans people" in verdict.reasons


def test_other_conditions_are_shown_and_make_the_verdict_unclear():
    rules = ServiceRules(women=True, other_criteria="Must live in the city")

    verdict = evaluate(rules, Person(gender=WOMAN, trans=False))

    assert verdict.status is UNCLEAR
    assert "Other conditions: Must live in the city" in verdict.reasons


AGED_18_TO_25 = replace(OPEN_TO_EVERYONE, min_age=18, max_age=25)
AGED_18_AND_OVER = replace(OPEN_TO_EVERYONE, min_age=18)
AGED_UP_TO_25 = replace(OPEN_TO_EVERYONE, max_age=25)


@pytest.mark.parametrize(
    ("rules", "age", "status", "reason"),
    [
        (AGED_18_AND_OVER, 17, NOT_ELIGIBLE, "Only for people aged 18 and over"),
        (AGED_18_AND_OVER, 18, ELIGIBLE, "For women and men aged 18 and over"),
        (AGED_18_AND_OVER, 19, ELIGIBLE, "For women and men aged 18 and over"),
        (AGED_UP_TO_25, 24, ELIGIBLE, "For women and men aged up to 25"),
        (AGED_UP_TO_25, 25, ELIGIBLE, "For women and men aged up to 25"),
        (AGED_UP_TO_25, 26, NOT_ELIGIBLE, "Only for people aged up to 25"),
        (AGED_18_TO_25, 17, NOT_ELIGIBLE, "Only for people aged 18 to 25"),
        (AGED_18_TO_25, 18, ELIGIBLE, "For women and men aged 18 to 25"),
        (AGED_18_TO_25, 19, ELIGIBLE, "For women and men aged 18 to 25"),
        (AGED_18_TO_25, 24, ELIGIBLE, "For women and men aged 18 to 25"),
        (AGED_18_TO_25, 25, ELIGIBLE, "For women and men aged 18 to 25"),
        (AGED_18_TO_25, 26, NOT_ELIGIBLE, "Only for people aged 18 to 25"),
    ],
)
def test_a_person_exactly_at_an_age_limit_is_within_it(rules, age, status, reason):
    verdict = evaluate(rules, Person(age=age, gender=WOMAN, trans=False))

    assert (verdict.status, verdict.reasons[0]) == (status, reason)


@pytest.mark.parametrize(
    ("kind", "rules", "status"),
    [
        ("women only", ServiceRules(women=True, non_binary=Inclusion.INCLUDED), UNCLEAR),
        (
            "men only",
            ServiceRules(women=False, men=MenServed.ALL, non_binary=Inclusion.INCLUDED),
            UNCLEAR,
        ),
        (
            "women and men who have sex with men",
            ServiceRules(men=MenServed.MSM_ONLY, non_binary=Inclusion.INCLUDED),
            UNCLEAR,
        ),
        (
            "women and men, non-binary people not said",
            replace(OPEN_TO_EVERYONE, non_binary=Inclusion.NOT_STATED),
            UNCLEAR,
        ),
        (
            "women and men, not non-binary people",
            replace(OPEN_TO_EVERYONE, non_binary=Inclusion.EXCLUDED),
            UNCLEAR,
        ),
        ("every gender", OPEN_TO_EVERYONE, ELIGIBLE),
    ],
)
def test_someone_who_leaves_out_their_gender_is_sure_only_of_a_service_for_every_gender(
    kind, rules, status
):
    assert evaluate(rules, Person(age=30)).status is status, kind


@pytest.mark.parametrize(
    ("trans", "non_binary", "notes"),
    [
        (Inclusion.INCLUDED, Inclusion.INCLUDED, ["Supports trans and non-binary people"]),
        (
            Inclusion.NOT_STATED,
            Inclusion.NOT_STATED,
            ["Does not say whether it supports trans or non-binary people"],
        ),
        (Inclusion.EXCLUDED, Inclusion.EXCLUDED, ["Does not support trans or non-binary people"]),
        (
            Inclusion.INCLUDED,
            Inclusion.EXCLUDED,
            ["Supports trans people", "Does not support non-binary people"],
        ),
        (
            Inclusion.NOT_STATED,
            Inclusion.INCLUDED,
            ["Does not say whether it supports trans people", "Supports non-binary people"],
        ),
    ],
)
def test_every_verdict_says_plainly_whether_trans_and_non_binary_people_are_supported(
    trans, non_binary, notes
):
    rules = ServiceRules(women=True, men=MenServed.ALL, trans=trans, non_binary=non_binary)

    reasons = evaluate(rules, Person(age=30, gender=WOMAN, trans=False)).reasons

    assert [reason for reason in reasons if "trans" in reason or "non-binary" in reason] == notes


def test_a_group_the_person_is_in_is_said_once_by_their_own_finding():
    rules = ServiceRules(women=True, men=MenServed.ALL, trans=Inclusion.NOT_STATED)

    trans_woman = evaluate(rules, Person(age=30, gender=WOMAN, trans=True)).reasons
    non_binary = evaluate(rules, Person(age=30, gender=NON_BINARY, trans=False)).reasons

    assert [r for r in trans_woman if "trans" in r or "non-binary" in r] == [
        "Does not say whether it supports trans people: ask them",
        "Does not say whether it supports non-binary people",
    ]
    assert [r for r in non_binary if "trans" in r or "non-binary" in r] == [
        "Does not say whether it supports non-binary people: ask them",
        "Does not say whether it supports trans people",
    ]


# Every combination of the rules' values, and people across every kind of answer, judged by the
# column-wise rule that searches use and by evaluate: the two must agree on every status.
EVERY_RULE_SET = [
    ServiceRules(
        min_age=min_age,
        max_age=max_age,
        women=women,
        men=men,
        trans=trans,
        non_binary=non_binary,
        involvement=involvement,
        for_trafficked_people=trafficked,
        offers=offers,
        other_criteria=other,
    )
    for min_age, max_age, women, men, trans, non_binary, involvement, trafficked, offers, other in (
        itertools.product(
            [None, 16, 18],
            [None, 25],
            [True, False],
            list(MenServed),
            list(Inclusion),
            list(Inclusion),
            list(Involvement),
            [False, True],
            [frozenset(), frozenset({"sexual_health"}), frozenset({"housing_benefits"})],
            ["", "Referral from a GP"],
        )
    )
]
EVERY_KIND_OF_PERSON = [
    Person(age, gender, trans, involvement, trafficked, needs)
    for age, gender, trans, involvement, trafficked, needs in itertools.product(
        [None, 15, 17, 30],
        [None, WOMAN, MAN, NON_BINARY],
        [None, True, False],
        [None, CURRENT, FORMER],
        [None, True, False],
        [frozenset(), frozenset({"sexual_health", "drugs_alcohol"}), frozenset({"not-a-code"})],
    )
]


def person_id(person: Person) -> str:
    # A set's order changes with each process's string hashing; the id must not, or parallel
    # test workers (pytest-xdist) would collect different tests.
    needs = "+".join(sorted(person.needs)) or "none"
    return repr(replace(person, needs=frozenset()))[7:-1].replace("frozenset()", needs)


@pytest.fixture
def untranslated():
    """Statuses never depend on the language, but each verdict words its reasons, and in British
    English each message missing from the catalogue (all of them: the code is written in English)
    is looked up in six catalogues in turn. The exhaustive comparisons below judge hundreds of
    thousands of verdicts: without a language, one person's 11,664 took 1.3 s against 2.5 s on
    2026-12-07, and these tests 102 s of worker time against 138 s."""
    with translation.override(None):
        yield


@pytest.mark.usefixtures("untranslated")
@pytest.mark.parametrize("person", EVERY_KIND_OF_PERSON[::29], ids=person_id)
def test_searches_judge_every_set_of_rules_as_evaluate_does(person):
    columns = RuleColumns(EVERY_RULE_SET)

    statuses = columns.statuses(person)

    expected = [evaluate(rules, person).status.rank for rules in EVERY_RULE_SET]
    assert statuses.tolist() == expected


def test_searches_judge_the_real_services_as_evaluate_does_for_every_kind_of_person(
    rules_by_slug,
):
    real = list(rules_by_slug.values())
    columns = RuleColumns(real)
    seen = set()

    for person in EVERY_KIND_OF_PERSON:
        expected = [evaluate(rules, person).status.rank for rules in real]
        assert columns.statuses(person).tolist() == expected, person
        seen.update(expected)
    assert seen == {status.rank for status in Status}


@pytest.mark.usefixtures("untranslated")
@pytest.mark.parametrize("criterion", CRITERIA, ids=lambda criterion: criterion.judge.__name__)
def test_each_criterion_declares_every_fact_and_answer_its_rule_reads(criterion):
    # The search's column-wise statuses judge only the declared facts and answers: a rule that
    # read another would be judged on a default there and answer differently here.
    for rules in EVERY_RULE_SET[::7]:
        for person in EVERY_KIND_OF_PERSON[::13]:
            assert criterion.findings(rules, person) == criterion.judge(rules, person), (
                rules,
                person,
            )


def test_searches_judge_every_set_of_rules_as_evaluate_does_past_the_answers_they_keep(
    monkeypatch, untranslated
):
    monkeypatch.setattr(RuleColumns, "KEPT_ANSWERS", 3)
    columns = RuleColumns(EVERY_RULE_SET[::11])

    for person in EVERY_KIND_OF_PERSON[::31] * 2:
        expected = [evaluate(rules, person).status.rank for rules in EVERY_RULE_SET[::11]]
        assert columns.statuses(person).tolist() == expected, person


def test_no_services_have_no_statuses():
    assert RuleColumns([]).statuses(woman_25).tolist() == []


def test_the_people_and_rules_searches_are_compared_on_reach_every_verdict():
    verdicts = {
        evaluate(rules, person).status
        for person in EVERY_KIND_OF_PERSON[::29]
        for rules in EVERY_RULE_SET[::97]
    }

    assert verdicts == set(Status)


TRANS_WOMAN = Person(age=30, gender=WOMAN, trans=True)


@pytest.mark.parametrize(
    ("changes", "person", "status", "reason"),
    [
        ({}, TRANS_WOMAN, ELIGIBLE, "Supports trans people"),
        ({"trans": Inclusion.EXCLUDED}, TRANS_WOMAN, NOT_ELIGIBLE, "Does not support trans people"),
        ({}, Person(needs=frozenset({"sexual_health"})), UNCLEAR, "Offers sexual health"),
        (
            {"other_criteria": "Only for students"},
            woman_25,
            UNCLEAR,
            "Other conditions: Only for students",
        ),
    ],
    ids=["trans included", "trans excluded", "offers", "other conditions"],
)
@pytest.mark.django_db
def test_a_stored_service_is_judged_by_the_rules_its_editors_set(changes, person, status, reason):
    """Read from the database in the test itself (not a shared fixture), so that each rule the
    editors set (here WISHES's) is seen to reach the verdict."""
    Service.all_objects.filter(slug="wishes").update(**changes)
    wishes = Service.all_objects.prefetch_related("offers").get(slug="wishes")

    verdict = evaluate(ServiceRules.of(wishes), person)

    assert verdict.status == status
    assert any(given.startswith(reason) for given in verdict.reasons), verdict.reasons


@pytest.mark.parametrize(
    ("rules", "person", "reasons"),
    [
        # Nothing else is said once something rules the person out: not who it is for, not the
        # notes a person it is for would read.
        (
            ServiceRules(min_age=18, women=False, men=MenServed.ALL),
            woman_25,
            ("Only for men", "Does not say whether it supports trans or non-binary people"),
        ),
        (
            ServiceRules(min_age=16, women=False, men=MenServed.MSM_ONLY),
            woman_25,
            (
                "Only for men who have sex with men",
                "Does not say whether it supports trans or non-binary people",
            ),
        ),
    ],
    ids=["men only", "men who have sex with men only"],
)
def test_someone_a_service_is_not_for_is_told_only_why(rules, person, reasons):
    verdict = evaluate(rules, person)

    assert verdict.status == NOT_ELIGIBLE
    assert verdict.reasons == reasons


@pytest.mark.parametrize(
    ("rules", "person", "reasons"),
    [
        (
            ServiceRules(women=True, trans=Inclusion.EXCLUDED),
            Person(gender=WOMAN, age=30),
            (
                "For women",
                "Does not support trans people",
                "Does not say whether it supports non-binary people",
            ),
        ),
        (
            ServiceRules(min_age=18, women=True),
            Person(),
            (
                "For women aged 18 and over",
                "It depends on answers you did not give: your gender and your age",
                "Does not say whether it supports trans or non-binary people",
            ),
        ),
        (
            ServiceRules(
                min_age=18,
                women=True,
                involvement=Involvement.CURRENT,
                for_trafficked_people=True,
            ),
            Person(),
            (
                "For women aged 18 and over who currently sell or exchange sex and have been "
                "trafficked or exploited",
                "It depends on answers you did not give: your gender, your age, whether you sell "
                "or exchange sex now and whether you have been trafficked or exploited",
                "Does not say whether it supports trans or non-binary people",
            ),
        ),
    ],
    ids=["did not say whether trans", "said nothing", "said nothing to every kind of rule"],
)
def test_a_person_who_left_out_an_answer_reads_each_reason_once_and_nothing_else(
    rules, person, reasons
):
    assert evaluate(rules, person) == Verdict(UNCLEAR, reasons)


LEFT_OUT = "It depends on answers you did not give: "


@pytest.mark.parametrize(
    ("rules", "person", "left_out"),
    [
        (ServiceRules(women=True), Person(age=30), "your gender"),
        (
            ServiceRules(women=True, men=MenServed.ALL, non_binary=Inclusion.INCLUDED),
            Person(age=30),
            None,
        ),
        (ServiceRules(women=True, min_age=18), Person(gender=WOMAN), "your age"),
        (ServiceRules(women=True, max_age=25), Person(gender=WOMAN), "your age"),
        (ServiceRules(women=True), Person(gender=WOMAN), None),
        (
            ServiceRules(women=True, involvement=Involvement.CURRENT),
            Person(gender=WOMAN),
            "whether you sell or exchange sex now",
        ),
        (
            ServiceRules(women=True, involvement=Involvement.FORMER),
            Person(gender=WOMAN),
            "whether you sell or exchange sex now",
        ),
        (ServiceRules(women=True, involvement=Involvement.EITHER), Person(gender=WOMAN), None),
        (
            ServiceRules(women=True, for_trafficked_people=True),
            Person(gender=WOMAN),
            "whether you have been trafficked or exploited",
        ),
        (
            ServiceRules(women=True, min_age=18, for_trafficked_people=True),
            Person(),
            "your gender, your age and whether you have been trafficked or exploited",
        ),
    ],
    ids=[
        "gender, for women only",
        "gender, open to every gender",
        "age, a minimum",
        "age, a maximum",
        "age, no limit",
        "selling now, for those who do",
        "selling now, for those who no longer do",
        "selling now, either",
        "trafficked, for those who were",
        "three answers left out",
    ],
)
def test_check_with_them_names_the_answers_left_out_that_would_decide_it(rules, person, left_out):
    reasons = evaluate(rules, person).reasons
    said = [reason for reason in reasons if reason.startswith(LEFT_OUT)]

    assert said == ([] if left_out is None else [LEFT_OUT + left_out])
    if left_out is not None:
        assert evaluate(rules, person).status is UNCLEAR
