import csv
import io
from html.parser import HTMLParser

import pytest
from django.db.models import Q
from django.urls import reverse

from geography.models import CouncilArea
from services.models import Inclusion, Location, Organisation, Service, ServiceStatus
from services.statistics import coverage_gap, directory_today, survey_as_recorded

pytestmark = pytest.mark.django_db


PUBLISHED = "Published by the 2022 survey"
WORKED_OUT = "Worked out by this directory"
# The side-by-side tables' column headings after the first (the breakdown's title).
COLUMNS = [
    "2022 survey",
    "2022 survey as a bar",
    "Today",
    "Today as a bar",
    "Where the 2022 figure comes from",
]


class ComparisonTables(HTMLParser):
    """The page's side-by-side tables as a reader sees them: for each row of each, the 2022
    survey's figure, today's figure, and where the 2022 figure comes from."""

    def __init__(self, html: str):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def rows(self) -> dict[tuple[str, str], tuple[int, int, str]]:
        return {
            (heading[0], label): (int(survey), int(today), source)
            for heading, *body in self.tables
            if heading[1:] == COLUMNS
            for label, survey, _, today, _, source in body
        }


def statistics_page(client) -> str:
    response = client.get(reverse("statistics"))
    assert response.status_code == 200
    return response.content.decode()


def side_by_side_rows(client) -> dict[tuple[str, str], tuple[int, int, str]]:
    return ComparisonTables(statistics_page(client)).rows()


def survey_column(client) -> dict[tuple[str, str], int]:
    return {key: survey for key, (survey, _, _) in side_by_side_rows(client).items()}


def today_figure(client, breakdown: str, label: str) -> int:
    return side_by_side_rows(client)[(breakdown, label)][1]


# The survey's own figures, as it published them (lived experience engagement report, section
# 3.1), beside the directory's today: the survey's 16 less Operation Begonia (out of the finder),
# plus the 3 services known since.
@pytest.mark.parametrize(
    ("breakdown", "label", "in_survey", "today"),
    [
        ("Services", "Specialist services", 16, 18),
        ("Services", "With a base in Scotland", 14, 15),
        ("Services", "UK-wide", 2, 2),
        ("Services", "Police-led", 2, 1),
        ("Who they support", "Women", 15, 16),
        ("Who they support", "Women and men", 6, 6),
        ("Who they support", "Only men who have sex with men", 1, 2),
        ("Trans and non-binary people", "Explicitly include both", 11, 11),
        ("Waiting", "Have a waiting list or wait for a course", 3, 3),
        ("Minimum age", "18 and over", 15, 17),
        ("Minimum age", "16 and over", 1, 1),
    ],
)
def test_the_page_shows_the_survey_s_published_figures_beside_today_s(
    client, breakdown, label, in_survey, today
):
    assert side_by_side_rows(client)[(breakdown, label)] == (in_survey, today, PUBLISHED)


# Counted by this directory, over the survey's 16 records and over today's services: the survey
# published none of these.
@pytest.mark.parametrize(
    ("breakdown", "label", "in_survey", "today"),
    [
        ("Services", "Support people remotely", 3, 4),
        ("Services", "Cover travel or relocation costs", 1, 1),
        ("Main kind of help", "Holistic, one-to-one support", 7, 7),
        ("Main kind of help", "Outreach and harm reduction", 3, 3),
        ("Main kind of help", "Sexual health", 2, 3),
        ("Main kind of help", "Employment and training", 2, 2),
        ("Main kind of help", "Courses and peer support", 1, 1),
        ("Main kind of help", "Reporting incidents and alerts", 1, 1),
        ("Main kind of help", "Emotional support", 0, 1),
        ("Trans and non-binary people", "Do not say", 5, 7),
        ("Waiting", "No waiting list", 13, 15),
    ],
)
def test_the_page_says_which_figures_this_directory_worked_out(
    client, breakdown, label, in_survey, today
):
    assert side_by_side_rows(client)[(breakdown, label)] == (in_survey, today, WORKED_OUT)


def test_only_the_survey_s_published_figures_are_labelled_as_published(client):
    rows = side_by_side_rows(client)

    published = {key for key, (_, _, source) in rows.items() if source == PUBLISHED}
    assert {source for _, _, source in rows.values()} == {PUBLISHED, WORKED_OUT}
    assert len(published) == 11
    assert ("Services", "Support people remotely") not in published
    assert not any(breakdown == "Main kind of help" for breakdown, _ in published)


def test_the_page_says_in_words_what_each_column_counts(client):
    html = statistics_page(client)

    assert "The Scottish Government's 2022 mapping survey found 16 specialist services." in html
    assert (
        "Counted over the survey's own records of the 16 services it found, whether or not they "
        "still run" in html
    )
    assert "corrections to the survey's details, show only under “Today”" in html
    assert "Counted over the 18 services the finder can send a person to now" in html
    assert "Every figure in this column is worked out by this directory from its records." in html


def a_service_found_since_in_fife() -> None:
    fife = CouncilArea.objects.get(code="S12000047")
    service = Service.all_objects.create(
        organisation=Organisation.objects.get(name="NHS Lothian"),
        name="Harbour Light",
        slug="harbour-light",
        summary="Peer support in Kirkcaldy.",
        primary_offer_id="courses_peer_support",
        min_age=18,
    )
    service.coverage.set([fife])
    Location.all_objects.create(service=service, name="Harbour Light drop-in", council_area=fife)


def survey_service(slug: str):
    return Service.all_objects.filter(slug=slug, in_2022_survey=True)


def begonia_back_in_the_finder() -> None:
    survey_service("operation-begonia").update(listed_in_finder=True)


def no_change() -> None:
    pass


@pytest.mark.parametrize(
    ("before", "change", "today_before", "today_after"),
    [
        pytest.param(no_change, a_service_found_since_in_fife, 18, 19, id="service-added-since"),
        pytest.param(
            begonia_back_in_the_finder,
            lambda: survey_service("operation-begonia").update(listed_in_finder=False),
            19,
            18,
            id="begonia-taken-out-of-the-finder",
        ),
        pytest.param(
            no_change,
            lambda: survey_service("rasac-perth-kinross").update(status=ServiceStatus.CLOSED),
            18,
            17,
            id="survey-service-closed",
        ),
        pytest.param(
            no_change,
            lambda: survey_service("quay-services").update(published=False),
            18,
            17,
            id="survey-service-unpublished",
        ),
    ],
)
def test_the_survey_s_figures_stay_put_while_today_s_follow_the_directory(
    client, before, change, today_before, today_after
):
    before()
    survey_before = survey_column(client)
    assert today_figure(client, "Services", "Specialist services") == today_before

    change()

    assert survey_column(client) == survey_before
    assert survey_before[("Services", "Specialist services")] == 16
    assert today_figure(client, "Services", "Specialist services") == today_after


def test_an_admin_s_correction_moves_today_s_figures_but_never_the_survey_s(client):
    included_both = ("Trans and non-binary people", "Explicitly include both")
    assert side_by_side_rows(client)[included_both][:2] == (11, 11)

    # EVAA tells an admin it cannot support trans people after all.
    survey_service("evaa").update(trans=Inclusion.EXCLUDED)

    assert side_by_side_rows(client)[included_both][:2] == (11, 10)
    assert side_by_side_rows(client)[("Trans and non-binary people", "Exclude either")][:2] == (
        0,
        1,
    )


def test_the_survey_s_figures_come_from_its_records_in_the_seed_not_the_database(db):
    counted = survey_as_recorded()
    Service.all_objects.filter(slug="evaa").update(trans=Inclusion.EXCLUDED, min_age=21)

    assert survey_as_recorded() == counted
    assert len(counted) == 16
    assert sum(service.based_in_scotland for service in counted) == 14


def test_the_survey_still_counts_begonia_and_today_does_not(client):
    rows = side_by_side_rows(client)

    assert rows[("Services", "Police-led")][:2] == (2, 1)
    assert not Service.all_objects.get(slug="operation-begonia").listed_in_finder


@pytest.mark.parametrize(
    ("change", "areas_without", "services_today"),
    [
        pytest.param(no_change, 23, 18, id="as-loaded"),
        pytest.param(a_service_found_since_in_fife, 22, 19, id="service-added-since-in-fife"),
        pytest.param(
            lambda: survey_service("rasac-perth-kinross").update(status=ServiceStatus.CLOSED),
            24,
            17,
            id="perth-and-kinross-only-service-closed",
        ),
    ],
)
def test_the_coverage_gap_counts_today_s_services_and_says_so(
    client, change, areas_without, services_today
):
    change()

    html = statistics_page(client)

    assert (
        f"{areas_without} of 32 council areas have no specialist service working face to face."
        in html
    )
    assert (
        f"Worked out by this directory from its records, over the {services_today} services the "
        "finder can send a person to today: the 2022 survey did not publish this figure." in html
    )


def test_the_gap_map_equals_a_direct_count_of_face_to_face_presence():
    areas = list(CouncilArea.objects.filter(country="S"))
    gap = {area.code: area.face_to_face for area in coverage_gap(list(directory_today()), areas)}

    for area in areas:
        direct = (
            Service.published_objects.in_finder()
            .filter(
                Q(coverage=area)
                | Q(pk__in=Location.public_objects.filter(council_area=area).values("service"))
            )
            .distinct()
            .count()
        )
        assert gap[area.code] == direct, area.name
    assert sum(1 for count in gap.values() if count == 0) == 23
    # Aberdeen City without Operation Begonia; Glasgow City with the two services known since.
    assert gap["S12000033"] == 3
    assert gap["S12000049"] == 5


def test_the_statistics_page_shows_each_figure_beside_its_table(client):
    response = client.get(reverse("statistics"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<table") == 8
    # 14 of the survey's 16 with a base in Scotland, on the scale of today's 18.
    assert '<meter min="0" max="18" value="14">14</meter>' in html
    assert "23 of 32 council areas have no specialist service working face to face." in html
    assert not response.cookies


def test_the_gap_table_downloads_as_csv(client):
    response = client.get(reverse("coverage-gap-csv"))

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 32
    aberdeen = next(row for row in rows if row["gss_code"] == "S12000033")
    assert aberdeen["face_to_face_services"] == "3"
    assert "Quay Services" in aberdeen["services"]


def test_area_notes_show_on_the_area_page_and_the_statistics_page_when_present(client):
    from geography.models import AreaNote

    assert "wider response" not in client.get(reverse("statistics")).content.decode()
    AreaNote.objects.create(
        area=CouncilArea.objects.get(code="S12000042"),
        mainstream_understanding="basic",
        cse_working_group="yes",
        notes="A working group meets quarterly.",
    )

    statistics_page = client.get(reverse("statistics")).content.decode()
    area_page = client.get(reverse("area-detail", args=["dundee-city"])).content.decode()

    assert "The wider response in each area" in statistics_page
    assert "<td>Basic</td><td>Yes</td><td>Not known</td>" in statistics_page
    assert "The wider response in Dundee City" in area_page
    assert "A working group meets quarterly." in area_page
