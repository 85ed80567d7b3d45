import csv
import io

import pytest
from django.db.models import Q
from django.urls import reverse

from geography.models import CouncilArea
from services.catalogue import published_services
from services.models import Location, Service
from services.statistics import coverage_gap, survey_figures

pytestmark = pytest.mark.django_db


def figures() -> dict[tuple[str, str], int]:
    return {
        (breakdown.title, row.label): row.count
        for breakdown in survey_figures(list(published_services()))
        for row in breakdown.rows
    }


@pytest.mark.parametrize(
    ("breakdown", "label", "published_figure"),
    [
        ("Services", "Specialist services", 16),
        ("Services", "With a base in Scotland", 14),
        ("Services", "UK-wide", 2),
        ("Services", "Police-led", 2),
        ("Services", "Support people remotely", 3),
        ("Services", "Cover travel or relocation costs", 1),
        ("Main kind of help", "Holistic, one-to-one support", 7),
        ("Main kind of help", "Outreach and harm reduction", 3),
        ("Main kind of help", "Sexual health", 2),
        ("Main kind of help", "Employment and training", 2),
        ("Main kind of help", "Courses and peer support", 1),
        ("Main kind of help", "Reporting incidents and alerts", 1),
        ("Who they support", "Women", 15),
        ("Who they support", "Women and men", 6),
        ("Who they support", "Only men who have sex with men", 1),
        ("Trans and non-binary people", "Explicitly include both", 11),
        ("Trans and non-binary people", "Do not say", 5),
        ("Waiting", "Have a waiting list or wait for a course", 3),
        ("Minimum age", "18 and over", 15),
        ("Minimum age", "16 and over", 1),
    ],
)
def test_the_statistics_equal_the_survey_s_published_figures(breakdown, label, published_figure):
    assert figures()[(breakdown, label)] == published_figure


def test_the_gap_map_equals_a_direct_count_of_face_to_face_presence():
    areas = list(CouncilArea.objects.filter(country="S"))
    gap = {area.code: area.face_to_face for area in coverage_gap(list(published_services()), areas)}

    for area in areas:
        direct = (
            Service.published_objects.filter(
                Q(coverage=area)
                | Q(pk__in=Location.public_objects.filter(council_area=area).values("service"))
            )
            .distinct()
            .count()
        )
        assert gap[area.code] == direct, area.name
    assert sum(1 for count in gap.values() if count == 0) == 23
    assert gap["S12000033"] == 4
    assert gap["S12000049"] == 3


def test_the_statistics_page_shows_each_figure_beside_its_table(client):
    response = client.get(reverse("statistics"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<table") == 8
    assert '<meter min="0" max="16" value="14">14</meter>' in html
    assert "23 of 32 council areas have no specialist service working face to face." in html
    assert not response.cookies


def test_the_gap_table_downloads_as_csv(client):
    response = client.get(reverse("coverage-gap-csv"))

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 32
    aberdeen = next(row for row in rows if row["gss_code"] == "S12000033")
    assert aberdeen["face_to_face_services"] == "4"
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
