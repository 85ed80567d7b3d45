import pytest
from django.urls import reverse

from geography.locate import Located
from geography.models import CouncilArea
from services.catalogue import Catalogue, current_catalogue
from services.eligibility import Gender, Person, Status
from services.models import ContactRoute, Location, Service
from services.search import Placing, SearchQuery, location_message, search
from tests.finder_forms import as_sent_by_the_page

pytestmark = pytest.mark.django_db


def area(code: str) -> CouncilArea:
    return CouncilArea.objects.get(code=code)


def slugs(outcome, status=None):
    return [r.entry.slug for r in outcome.results if status is None or r.status is status]


def test_a_woman_of_25_in_edinburgh_sees_the_services_for_her_nearest_first():
    outcome = search(
        SearchQuery(
            person=Person(age=25, gender=Gender.WOMAN, trans=False),
            located=True,
            area=area("S12000036"),
        )
    )

    # Those working in person in Edinburgh first; within each group, by verdict, then those she
    # can contact first (Click, NUM, TARA and You My Sister have a route; Sacro - Another Way,
    # WISHES and Leith none yet), then the nearest.
    assert slugs(outcome, Status.ELIGIBLE) == [
        "sacro-another-way",
        "wishes",
        "click-sacro",
        "national-ugly-mugs",
    ]
    assert slugs(outcome, Status.UNCLEAR) == ["leith-partnership", "tara", "you-my-sister"]
    assert [r.placing for r in outcome.results] == [Placing.HERE] * 3 + [Placing.WIDER] * 4
    assert "roam" not in slugs(outcome)
    wishes = next(r for r in outcome.results if r.entry.slug == "wishes")
    assert wishes.availability.because == ("covers City of Edinburgh",)
    assert wishes.verdict.reasons[0] == "For women aged 18 and over"
    assert not outcome.no_local_service


def test_a_17_year_old_man_in_edinburgh_sees_roam_as_unclear_and_the_adult_services_when_asked():
    person = Person(age=17, gender=Gender.MAN)
    public = search(SearchQuery(person=person, located=True, area=area("S12000036")))
    caseworker = search(
        SearchQuery(person=person, located=True, area=area("S12000036"), include_not_eligible=True)
    )

    assert slugs(public) == ["roam"]
    assert public.results[0].status is Status.UNCLEAR
    assert "Only for men who have sex with men" in public.results[0].verdict.reasons
    not_for_him = {r.entry.slug: r.verdict.reasons[0] for r in caseworker.results[1:]}
    assert not_for_him["leith-partnership"] == "Only for people aged 18 and over"
    assert not_for_him["wishes"] == "Only for women"
    assert {r.status for r in caseworker.results[1:]} == {Status.NOT_ELIGIBLE}


NATIONWIDE = ["click-sacro", "national-ugly-mugs", "tara", "you-my-sister"]


def test_someone_in_shetland_wanting_remote_support_gets_only_the_remote_services():
    outcome = search(SearchQuery(located=True, area=area("S12000027"), remote_only=True))

    assert sorted(slugs(outcome)) == NATIONWIDE
    assert outcome.no_local_service
    assert outcome.results[0].availability.because[-1] in {"online and by phone", "online"}


def test_shetland_has_no_local_service_but_still_sees_nationwide_ones():
    outcome = search(SearchQuery(located=True, area=area("S12000027")))

    assert sorted(slugs(outcome)) == NATIONWIDE
    assert outcome.no_local_service


def test_a_place_outside_every_area_still_sees_remote_and_nationwide_services():
    outcome = search(SearchQuery(located=True, area=None, point=(-2.93, 54.89)))

    assert sorted(slugs(outcome)) == NATIONWIDE


def test_without_a_location_every_service_is_listed_with_where_it_works():
    outcome = search(SearchQuery())

    # The 19 published services but Operation Begonia, which is not in the finder.
    assert len(outcome.results) == 18
    roam = next(r for r in outcome.results if r.entry.slug == "roam")
    assert roam.availability.because == (
        "covers City of Edinburgh, East Lothian, Midlothian and West Lothian",
    )


def test_distance_ranks_but_never_hides():
    from_glasgow = search(SearchQuery(located=True, area=area("S12000049"), point=(-4.25, 55.86)))
    tara = next(r for r in from_glasgow.results if r.entry.slug == "tara")

    assert tara.distance_km < 20
    assert (
        next(r for r in from_glasgow.results if r.entry.slug == "you-my-sister").distance_km is None
    )


def test_the_map_counts_the_services_a_person_may_use_in_each_area():
    outcome = search(SearchQuery(person=Person(age=25, gender=Gender.WOMAN)))

    assert len(outcome.counts_by_area) == 32
    # Edinburgh: Sacro, WISHES, Leith; Aberdeen: EVAA, Quay, Street Project (Operation Begonia is
    # not in the finder); everywhere: TARA and Click (all of Scotland), NUM and You My Sister
    # (UK-wide, remote).
    assert outcome.counts_by_area["S12000036"] == 7
    assert outcome.counts_by_area["S12000033"] == 7
    assert outcome.counts_by_area["S12000027"] == 4


def test_unpublished_services_are_never_found():
    Service.all_objects.filter(slug="wishes").update(published=False)

    assert "wishes" not in slugs(search(SearchQuery()))


def add_services(count: int) -> None:
    wishes = Service.all_objects.get(slug="wishes")
    for number in range(count):
        copy = Service.all_objects.get(pk=wishes.pk)
        copy.pk, copy.id, copy.slug, copy.name = None, None, f"copy-{number}", f"Copy {number}"
        copy.save()
        copy.offers.set(wishes.offers.all())
        copy.coverage.set(wishes.coverage.all())


@pytest.mark.parametrize("extra_services", [0, 40])
@pytest.mark.parametrize("located", [False, True])
def test_a_search_makes_the_same_few_queries_however_many_services(
    django_assert_num_queries, located, extra_services
):
    add_services(extra_services)
    query = SearchQuery(located=located, area=area("S12000036") if located else None)

    # The first search reads the version and builds the catalogue from one query per table (7),
    # then loads the records of the services it lists for their summaries, all in one go (7).
    with django_assert_num_queries(15):
        first = search(query)
    # Later ones only check the version (here every time; in production every few seconds): the
    # summaries are kept.
    with django_assert_num_queries(1):
        again = search(query)

    assert len(first.results) == len(again.results) == (8 if located else 18) + extra_services
    assert [r.entry.name for r in first.results] == [r.entry.name for r in again.results]


def test_a_process_keeps_the_summaries_of_the_services_listed_last_and_loads_the_others_again(
    django_assert_num_queries, monkeypatch
):
    # Each search below shows 5 services and the 3 nearest further away: 8 summaries.
    monkeypatch.setattr(Catalogue, "SUMMARIES_KEPT", 8)
    edinburgh = SearchQuery(located=True, area=area("S12000036"), limit=5)
    glasgow = SearchQuery(located=True, area=area("S12000049"), limit=5)
    first = slugs(search(edinburgh))

    # Glasgow's list shares only the services working everywhere with Edinburgh's: those not
    # kept are loaded, and they push Edinburgh's own out.
    with django_assert_num_queries(8):
        assert slugs(search(glasgow)) != first
    with django_assert_num_queries(8):
        assert slugs(search(edinburgh)) == first
    with django_assert_num_queries(1):
        assert slugs(search(edinburgh)) == first


def test_a_service_that_leaves_the_finder_after_the_catalogue_was_built_is_not_listed(settings):
    # Another process's edit: this one's catalogue still lists WISHES until its next check.
    settings.CATALOGUE_VERSION_CHECK_SECONDS = 3600
    edinburgh = SearchQuery(located=True, area=area("S12000036"))
    search(SearchQuery(located=True, area=area("S12000027")))
    # The base manager's update tells this process nothing, as another process's would.
    Service._base_manager.filter(slug="wishes").update(published=False)
    assert "wishes" in [entry.slug for entry in current_catalogue().entries]

    assert "wishes" not in slugs(search(edinburgh))


def test_asking_for_remote_support_only_does_not_claim_nothing_works_in_person_there():
    in_edinburgh = search(SearchQuery(located=True, area=area("S12000036"), remote_only=True))
    man_in_glasgow = search(
        SearchQuery(person=Person(age=30, gender=Gender.MAN), located=True, area=area("S12000049"))
    )

    assert not in_edinburgh.no_local_service
    # Glasgow has services for men (the Steve Retson Project and NUMbrella Lane work there).
    assert not man_in_glasgow.no_local_service


def listed(person: Person, **query) -> dict[str, Status]:
    return {r.entry.slug: r.status for r in search(SearchQuery(person=person, **query)).results}


@pytest.mark.parametrize(("age", "services"), [(17, 1), (18, 18), (19, 18)])
def test_someone_exactly_18_is_shown_every_service_for_adults(age, services):
    # Seventeen of the finder's 18 services are for people aged 18 and over (assumed for the three
    # known since the survey, whose sources give no age); Roam from 16.
    shown = listed(Person(age=age))

    assert len(shown) == services
    assert "roam" in shown


@pytest.mark.parametrize(("age", "shown"), [(24, True), (25, True), (26, False)])
def test_someone_exactly_at_a_services_maximum_age_is_shown_it(age, shown):
    Service.all_objects.filter(slug="wishes").update(max_age=25)
    person = Person(age=age, gender=Gender.WOMAN, trans=False)
    edinburgh = area("S12000036")

    public = search(SearchQuery(person=person, located=True, area=edinburgh))
    caseworker = search(
        SearchQuery(person=person, located=True, area=edinburgh, include_not_eligible=True)
    )

    assert ("wishes" in slugs(public)) is shown
    assert public.counts_by_area["S12000036"] == (7 if shown else 6)
    wishes = next(r for r in caseworker.results if r.entry.slug == "wishes")
    assert wishes.status is (Status.ELIGIBLE if shown else Status.NOT_ELIGIBLE)
    assert wishes.verdict.reasons[0] == (
        "For women aged 18 to 25" if shown else "Only for people aged 18 to 25"
    )


def test_someone_who_gives_only_their_age_is_sure_only_of_services_for_every_gender():
    shown = listed(Person(age=30))

    assert len(shown) == 18
    # Both serve women, men and non-binary people; every other service leaves someone out.
    assert sorted(slug for slug, status in shown.items() if status is Status.ELIGIBLE) == [
        "national-ugly-mugs",
        "rasac-perth-kinross",
    ]
    assert set(shown.values()) == {Status.ELIGIBLE, Status.UNCLEAR}


def test_a_service_working_across_scotland_or_the_uk_says_so_wherever_the_person_is():
    for code in ("S12000027", "S12000036"):
        outcome = search(SearchQuery(located=True, area=area(code)))
        because = {r.entry.slug: r.availability.because for r in outcome.results}

        assert because["tara"][0] == "all of Scotland", code
        assert because["national-ugly-mugs"][0] == "all of the UK", code


def test_asking_for_remote_support_leaves_out_and_does_not_count_in_person_nationwide_services():
    # TARA across Scotland and NUM across the UK, both in person only.
    Service.all_objects.filter(slug__in=["tara", "national-ugly-mugs"]).update(remote=False)

    in_person = search(SearchQuery(located=True, area=area("S12000027")))
    remote = search(SearchQuery(located=True, area=area("S12000027"), remote_only=True))

    assert sorted(slugs(in_person)) == NATIONWIDE
    assert sorted(slugs(remote)) == ["click-sacro", "you-my-sister"]
    assert set(remote.counts_by_area.values()) == {2}
    assert in_person.counts_by_area["S12000027"] == 4


def test_a_caseworker_is_not_told_nothing_works_in_person_where_services_the_client_cannot_use_do():
    # In Aberdeen every local service is for adults, and most for women only.
    man_of_17 = Person(age=17, gender=Gender.MAN)
    aberdeen = area("S12000033")

    public = search(SearchQuery(person=man_of_17, located=True, area=aberdeen))
    caseworker = search(
        SearchQuery(person=man_of_17, located=True, area=aberdeen, include_not_eligible=True)
    )

    assert public.no_local_service
    assert "evaa" in slugs(caseworker, Status.NOT_ELIGIBLE)
    assert not caseworker.no_local_service


def test_someone_in_an_english_district_is_not_offered_in_person_help_that_stops_at_the_border():
    Service.all_objects.filter(slug="tara").update(remote=False)
    square = {
        "type": "MultiPolygon",
        "coordinates": [[[[-3, 54.8], [-2.8, 54.8], [-2.8, 55], [-3, 55], [-3, 54.8]]]],
    }
    carlisle = CouncilArea.objects.create(
        code="E07000028",
        name="Carlisle",
        slug="carlisle",
        country="E",
        boundary=square,
        display_boundary=square,
    )

    outcome = search(SearchQuery(located=True, area=carlisle))

    # TARA works in person across Scotland; NUM across the UK; You My Sister and Click online.
    assert sorted(slugs(outcome)) == ["click-sacro", "national-ugly-mugs", "you-my-sister"]
    assert outcome.counts_by_area["E07000028"] == 3


def test_the_map_counts_every_service_in_an_area_beyond_255_as_a_whole_number():
    wishes = Service.all_objects.get(slug="wishes")
    fields = {
        field.attname: getattr(wishes, field.attname)
        for field in Service._meta.concrete_fields
        if not field.primary_key
    }
    copies = Service.all_objects.bulk_create(
        Service(**{**fields, "slug": f"copy-{number}", "name": f"Copy {number}"})
        for number in range(300)
    )
    Service.coverage.through.objects.bulk_create(
        Service.coverage.through(service=copy, councilarea=area("S12000036")) for copy in copies
    )

    counts = search(SearchQuery(person=Person(age=25, gender=Gender.WOMAN))).counts_by_area

    assert counts["S12000036"] == 7 + 300
    assert all(type(count) is int for count in counts.values())


def test_a_result_shows_the_service_s_public_contacts_and_never_a_private_one(client):
    wishes = Service.all_objects.get(slug="wishes")
    ContactRoute.all_objects.create(
        service=wishes, kind="phone", value="0131 999 0000", public=False
    )
    ContactRoute.all_objects.create(
        service=wishes, kind="website", value="https://wishes.example", public=True
    )

    answers = as_sent_by_the_page({"area": "S12000036"})
    page = client.post(reverse("finder"), answers).content.decode()

    assert "https://wishes.example" in page
    assert "0131 999 0000" not in page


@pytest.mark.parametrize(
    ("published", "found"),
    [([], 0), (["national-ugly-mugs", "you-my-sister"], 2)],
    ids=["no service", "only services without a base"],
)
def test_every_kind_of_search_answers_when_few_services_are_published(published, found):
    Service.all_objects.exclude(slug__in=published).update(published=False)
    shetland = area("S12000027")

    for query in (
        SearchQuery(),
        SearchQuery(located=True, area=shetland, point=(-1.15, 60.15)),
        SearchQuery(located=True, area=shetland, remote_only=True, limit=1),
    ):
        outcome = search(query)

        assert len(outcome.results) == min(found, query.limit or found)
        assert set(outcome.counts_by_area.values()) == {found}


def test_a_search_answers_before_any_council_area_is_imported():
    """A new install whose services are loaded before its boundaries (or whose boundary import
    failed) still answers: the services that work everywhere, and no area counts."""
    Location.all_objects.all().delete()
    CouncilArea.objects.all().delete()

    outcome = search(SearchQuery())

    assert {result.entry.slug for result in outcome.results} == {
        service.slug for service in Service.published_objects.in_finder()
    }
    assert outcome.counts_by_area == {}


SHETLAND_DISTRICT = "Using the middle of the ZE1 postcode district."
NOWHERE = "That place is not in a Scottish council area (it may be at sea or outside Scotland)."


@pytest.mark.parametrize(
    ("code", "said", "message"),
    [
        (None, None, ""),
        ("", NOWHERE, f"{NOWHERE} These services work across Scotland, the UK or remotely."),
        (
            "S12000027",
            "",
            "No specialist service works in person in Shetland Islands. These services support "
            "people there from across Scotland, the UK or remotely.",
        ),
        (
            "S12000027",
            SHETLAND_DISTRICT,
            f"{SHETLAND_DISTRICT} No specialist service works in person in Shetland Islands. "
            "These services support people there from across Scotland, the UK or remotely.",
        ),
        ("S12000036", "", ""),
        ("S12000036", "Using Leith.", "Using Leith."),
    ],
    ids=[
        "not said",
        "outside every area",
        "no local service",
        "no local service, read as",
        "local services",
        "local services, read as",
    ],
)
def test_the_message_about_the_place_given(code, said, message):
    located = (
        None
        if said is None
        else Located(area=area(code) if code else None, point=None, message=said)
    )
    outcome = search(
        SearchQuery(located=located is not None, area=located.area if located else None)
    )

    assert location_message(outcome, located) == message
