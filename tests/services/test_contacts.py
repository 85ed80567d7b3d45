"""From finding to reaching (issue 14): the shared contacts file's routes and statuses, loaded onto
the survey's 16 services and the 3 known since, and what a person sees of them: a way to get in
touch first, each route's state in words, or plainly that we hold none and what to do now; never
a link back to the same page."""

import re
from datetime import date
from html import unescape
from html.parser import HTMLParser

import pytest
import yaml
from django.contrib.auth.models import Group
from django.db.models import Count
from django.urls import reverse

from geography.models import CouncilArea
from servicemap.reference_data import contacts_file
from services.catalogue import published_services
from services.contacts_import import ContactsError, load_contacts, read_contacts
from services.eligibility import Gender, Person, Status
from services.models import ACCESS_FIELDS, ContactRoute, Service, ServiceStatus
from services.roles import CASEWORKER
from services.search import SearchQuery, search
from services.templatetags.finder import reaching
from services.wording import NO_ROUTE, route_state_text, status_text, who_source_text
from tests.finder_forms import as_sent_by_the_page

pytestmark = pytest.mark.django_db

NOT_YET_CONFIRMED = "From a public source, not yet confirmed with the service"
# What the real contacts.yaml gives the 16 (its README: five with a website, phone or email, and
# Routes Out with only its drop-in's address), and the Steve Retson Project (website and phone) and
# Click (website) known since.
ROUTES_BY_KIND = {"address": 2, "email": 2, "phone": 5, "website": 5}
SERVICES_WITH_A_ROUTE = {
    "click-sacro",
    "steve-retson-project",
    "national-ugly-mugs",
    "quay-services",
    "rasac-perth-kinross",
    "routes-out",
    "tara",
    "you-my-sister",
}
# What the real file says of when services are open, and how people get to them.
WITH_OPENING_TIMES = {"rasac-perth-kinross", "routes-out", "tara"}
WITH_A_WAY_IN = {
    "click-sacro",
    "national-ugly-mugs",
    "numbrella-lane",
    "operation-begonia",
    "quay-services",
    "rasac-perth-kinross",
    "roam",
    "routes-out",
    "sacro-another-way",
    "steve-retson-project",
    "tara",
    "vice-versa",
    "wishes",
    "you-my-sister",
}
# The planned national hub has no public route: the about page mentions it; it is not a service.
NOT_A_SERVICE = ["scotland-cse-national-hub"]


def entries() -> list[dict]:
    return yaml.safe_load(contacts_file().read_text(encoding="utf-8"))


def snapshot() -> tuple:
    routes = sorted(
        ContactRoute.all_objects.values_list(
            "service__slug", "kind", "value", "label", "source_url", "confirmed_on", "updated_at"
        )
    )
    statuses = sorted(
        Service.all_objects.values_list(
            "slug", "status", "status_note", "status_source", "status_seen_on", *ACCESS_FIELDS
        )
    )
    return routes, statuses


# Loading


def test_the_real_file_gives_routes_by_kind_all_from_public_sources_not_yet_confirmed():
    counts = dict(
        ContactRoute.public_objects.values_list("kind").annotate(n=Count("id")).order_by("kind")
    )

    assert counts == ROUTES_BY_KIND
    assert not ContactRoute.all_objects.filter(confirmed_on__isnull=False).exists()
    assert not ContactRoute.all_objects.filter(source_url="").exists()
    reachable = set(ContactRoute.public_objects.values_list("service__slug", flat=True))
    assert reachable == SERVICES_WITH_A_ROUTE


@pytest.mark.parametrize(
    ("slug", "status", "seen_on"),
    [
        ("rasac-perth-kinross", ServiceStatus.RUNNING, date(2024, 11, 27)),
        ("vice-versa", ServiceStatus.CHANGED, date(2024, 3, 27)),
        ("operation-begonia", ServiceStatus.CHANGED, date(2025, 5, 8)),
        ("evaa", ServiceStatus.UNKNOWN, date(2020, 9, 21)),
        ("fedcap-pilot", ServiceStatus.UNKNOWN, None),
    ],
)
def test_each_service_gets_the_status_the_file_gives(slug, status, seen_on):
    service = Service.all_objects.get(slug=slug)

    assert (service.status, service.status_seen_on) == (status, seen_on)
    assert service.status_note


def test_loading_again_changes_nothing():
    before = snapshot()

    report = load_contacts(contacts_file())

    assert (report.routes_created, report.routes_updated) == ({}, 0)
    assert report.routes_unchanged == sum(ROUTES_BY_KIND.values())
    assert report.statuses_changed == report.organisations_changed == []
    assert report.access_changed == report.languages_changed == []
    assert snapshot() == before


def test_the_real_file_gives_opening_times_and_ways_in_each_with_its_source():
    opening = Service.all_objects.exclude(opening_times="")
    ways_in = Service.all_objects.exclude(referral="")

    assert set(opening.values_list("slug", flat=True)) == WITH_OPENING_TIMES
    assert set(ways_in.values_list("slug", flat=True)) == WITH_A_WAY_IN
    assert not opening.filter(opening_times_source="").exists()
    assert not ways_in.filter(referral_source="").exists()
    assert not Service.all_objects.filter(access_confirmed_on__isnull=False).exists()
    tara = Service.all_objects.get(slug="tara")
    assert (tara.opening_times_confidence, tara.referral_confidence) == ("medium", "medium")
    assert tara.opening_times.startswith("TARA's service manager says")


def test_opening_times_the_service_confirmed_are_not_overwritten_by_the_public_source():
    Service.all_objects.filter(slug="tara").update(
        opening_times="24 hours, every day", access_confirmed_on=date(2026, 12, 5)
    )

    report = load_contacts(contacts_file())

    tara = Service.all_objects.get(slug="tara")
    assert (tara.opening_times, tara.access_confirmed_on) == (
        "24 hours, every day",
        date(2026, 12, 5),
    )
    assert "tara" not in report.access_changed


def test_services_not_in_the_database_are_reported_and_skipped():
    report = load_contacts(contacts_file())

    assert report.skipped == NOT_A_SERVICE
    assert not Service.all_objects.filter(slug__in=NOT_A_SERVICE).exists()


def test_a_route_an_admin_confirmed_is_not_overwritten_by_the_public_source():
    helpline = ContactRoute.all_objects.get(value="01738 630965")
    ContactRoute.all_objects.filter(pk=helpline.pk).update(
        label="Helpline", confirmed_on=date(2026, 12, 4)
    )

    load_contacts(contacts_file())

    helpline.refresh_from_db()
    assert (helpline.label, helpline.confirmed_on) == ("Helpline", date(2026, 12, 4))


def test_a_status_the_service_confirmed_is_not_overwritten_by_the_public_source():
    # fedcap-pilot's entry has no date: a dated check would otherwise be the only protection.
    Service.all_objects.filter(slug="fedcap-pilot").update(
        status=ServiceStatus.RUNNING, status_note="", status_confirmed_on=date(2026, 12, 5)
    )

    report = load_contacts(contacts_file())

    fedcap = Service.all_objects.get(slug="fedcap-pilot")
    assert (fedcap.status, fedcap.status_confirmed_on) == (ServiceStatus.RUNNING, date(2026, 12, 5))
    assert "fedcap-pilot" not in report.statuses_changed


def change(slug: str, edit) -> list[dict]:
    document = entries()
    edit(next(entry for entry in document if entry["slug"] == slug))
    return document


BAD_ROWS = {
    "an email that is not one": (
        "you-my-sister",
        lambda entry: entry["emails"][0].update(address="not an email"),
        "you-my-sister: email 'not an email': value",
    ),
    "a website that is not a web address": (
        "national-ugly-mugs",
        lambda entry: entry.update(website="javascript:alert(1)"),
        "national-ugly-mugs: website 'javascript:alert(1)': value",
    ),
    "an unknown status": (
        "tara",
        lambda entry: entry["status"].update(value="thriving"),
        "tara: status.value",
    ),
    "a status date that is not a date": (
        "tara",
        lambda entry: entry["status"].update(as_of="last spring"),
        "tara: status.as_of",
    ),
    "a phone without a number": (
        "rasac-perth-kinross",
        lambda entry: entry["phones"][0].pop("number"),
        "rasac-perth-kinross: phones",
    ),
    "phones that are not a list": (
        "rasac-perth-kinross",
        lambda entry: entry.update(phones="01738 630965"),
        "rasac-perth-kinross: phones",
    ),
    "a changed status that does not say what changed": (
        "vice-versa",
        lambda entry: entry["status"].update(evidence="", as_of="2030-01-01"),
        "vice-versa: status",
    ),
    "a language not on the list": (
        "tara",
        lambda entry: entry.update(languages={"works_in": ["ro", "xx"], "interpreters": True}),
        "tara: languages.works_in: unknown language code 'xx'",
    ),
    "interpreters neither yes, no nor null": (
        "tara",
        lambda entry: entry.update(languages={"works_in": [], "interpreters": "sometimes"}),
        "tara: languages.interpreters",
    ),
    "languages as free text": (
        "tara",
        lambda entry: entry.update(languages="Romanian"),
        "tara: languages: expected null",
    ),
}


@pytest.mark.parametrize(("slug", "edit", "message"), BAD_ROWS.values(), ids=BAD_ROWS)
def test_a_bad_row_is_named_and_nothing_changes(tmp_path, slug, edit, message):
    # The bad entry is last, so every entry before it would have been written.
    document = change(slug, edit)
    bad = next(entry for entry in document if entry["slug"] == slug)
    document = [entry for entry in document if entry is not bad] + [bad]
    for entry in document:
        if entry["slug"] == "evaa":
            entry["phones"] = [{"number": "01224 000000", "label": "Written before the bad row"}]
    path = tmp_path / "contacts.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    before = snapshot()

    with pytest.raises(ContactsError, match=re.escape(message)):
        load_contacts(path)

    assert snapshot() == before


@pytest.mark.parametrize("public", [False, None, "yes"])
def test_an_address_not_marked_public_is_never_loaded(tmp_path, public):
    document = change("routes-out", lambda entry: entry["addresses"][0].update(public=public))
    path = tmp_path / "contacts.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")

    records = {record.slug: record for record in read_contacts(path)}

    assert records["routes-out"].routes == ()


# Wording


@pytest.mark.parametrize(
    ("confirmed_on", "words"),
    [
        (None, NOT_YET_CONFIRMED),
        (date(2026, 12, 4), "Confirmed with the service on 4 December 2026"),
    ],
)
def test_a_route_says_which_state_it_is_in(confirmed_on, words):
    assert route_state_text(confirmed_on) == words


@pytest.mark.parametrize(
    ("status", "note", "seen_on", "words"),
    [
        (ServiceStatus.RUNNING, "Met in 2024", date(2024, 9, 9), ""),
        (
            ServiceStatus.CHANGED,
            "Now run by WRASAC",
            None,
            "Changed: Now run by WRASAC",
        ),
        (ServiceStatus.TEMPORARILY_CLOSED, "", None, "Temporarily closed"),
        (ServiceStatus.CLOSED, "", date(2017, 1, 1), "Closed"),
        (ServiceStatus.CLOSED, "Funding ended", None, "Closed: Funding ended"),
        (
            ServiceStatus.UNKNOWN,
            "Evidence",
            date(2020, 9, 21),
            "No news of this service since 21 September 2020: it may have changed or closed.",
        ),
        (
            ServiceStatus.UNKNOWN,
            "",
            None,
            "We have no recent news of this service: it may have changed or closed.",
        ),
    ],
)
def test_a_status_is_said_in_words_unless_the_service_is_running(status, note, seen_on, words):
    assert status_text(status, note, seen_on) == words


def test_every_status_has_words_or_is_running():
    for status in ServiceStatus:
        assert (status_text(status, "", None) == "") is (status == ServiceStatus.RUNNING)


# What a person sees


class Links(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.hrefs: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith("#"):
            self.hrefs.append(href.split("#")[0])


def card_of(html: str, slug: str) -> str:
    start = html.index(f'data-result-slug="{slug}"')
    end = html.find('class="finder-result"', start)
    return html[start : end if end != -1 else len(html)]


def test_every_published_service_shows_a_route_or_says_it_has_none_and_leads_elsewhere():
    for service in published_services():
        shown = reaching(service)
        if service.slug in SERVICES_WITH_A_ROUTE:
            assert shown["routes"]
            assert not shown["no_route"]
            assert all(route.state == NOT_YET_CONFIRMED for route in shown["routes"])
        else:
            assert (shown["routes"], shown["no_route"]) == ([], NO_ROUTE)
            assert shown["next_step"].href not in ("", service.get_absolute_url())


def test_every_card_in_the_finder_shows_how_to_get_in_touch_first_and_never_links_to_itself(
    client,
):
    html = client.post(reverse("finder"), as_sent_by_the_page({})).content.decode()

    shown = re.findall(r'data-result-slug="([^"]+)"', html)
    # The 19 published services but Operation Begonia, which is not in the finder.
    assert len(shown) == 18
    # The answer never leads back here (the whole page is swept in tests/test_links_to_itself.py).
    answer = html[html.index('aria-labelledby="results-title"') :]
    answer = answer[: answer.index("</section>")]
    assert reverse("finder") not in Links(answer).hrefs
    for slug in shown:
        card = card_of(html, slug)
        assert card.index("finder-reaching") < card.index("finder-facts")
        assert NOT_YET_CONFIRMED in card or NO_ROUTE in card
    rasac = card_of(html, "rasac-perth-kinross")
    assert 'href="tel:01738 630965"' in rasac
    assert 'href="mailto:i@youmysister.org.uk"' in card_of(html, "you-my-sister")
    assert 'href="/staying-safe/#urgent-help"' in card_of(html, "evaa")


def test_no_service_page_in_the_finder_links_to_itself_and_each_says_how_to_get_in_touch(client):
    # Those the finder leaves out say why instead (tests/services/test_left_out_pages.py).
    for service in Service.published_objects.in_finder():
        path = service.get_absolute_url()
        html = client.get(path).content.decode()

        assert path not in Links(html).hrefs, service.slug
        assert "How to get in touch" in html
        assert ("finder-reaching__routes" in html) is (service.slug in SERVICES_WITH_A_ROUTE)
        sourced = SERVICES_WITH_A_ROUTE | WITH_A_WAY_IN
        assert (NOT_YET_CONFIRMED in html) is (service.slug in sourced)
        assert (NO_ROUTE in html) is (service.slug not in SERVICES_WITH_A_ROUTE)


def test_a_service_page_says_when_it_is_open_and_how_people_get_to_it_and_how_sure_we_are(client):
    html = unescape(client.get(reverse("service-detail", args=["tara"])).content.decode())
    reaching = html[html.index('class="finder-reaching"') :]
    reaching = reaching[: reaching.index("</div>")]

    assert "<strong>When it is open:</strong> TARA's service manager says" in reaching
    assert "<strong>How people get to it:</strong> A named First Responder" in reaching
    assert reaching.count(NOT_YET_CONFIRMED) == 3  # its phone, and the two notes


def test_a_changed_service_says_what_changed_on_its_page(client):
    html = client.get(reverse("service-detail", args=["operation-begonia"])).content.decode()

    assert "Changed: The Courier" in html


def test_the_referral_list_shows_routes_with_their_state_and_a_way_forward(
    client, django_user_model
):
    user = django_user_model.objects.create_user("casey", password="a long passphrase 42")
    user.groups.add(Group.objects.get(name=CASEWORKER))
    client.force_login(user)

    html = client.post(
        reverse("referral-list"), {"service": ["tara", "fedcap-pilot"]}
    ).content.decode()

    assert 'href="tel:0141 276 7724"' in html
    assert NOT_YET_CONFIRMED in html
    assert NO_ROUTE in html


def found() -> set[str]:
    return {result.entry.slug for result in search(SearchQuery(located=False)).results}


def test_a_closed_service_leaves_the_search_but_keeps_its_page_saying_closed(client):
    assert "roam" in found()

    Service.all_objects.filter(slug="roam").update(
        status=ServiceStatus.CLOSED, status_note="Its funding ended."
    )

    assert "roam" not in found()
    response = client.get(reverse("service-detail", args=["roam"]))
    assert response.status_code == 200
    assert "This service has closed" in response.content.decode()
    assert "Its funding ended." in response.content.decode()


# The API


def test_the_api_gives_each_route_its_state_and_each_service_its_status(client):
    service = client.get(reverse("api-service", args=["rasac-perth-kinross"])).json()
    search = client.post(reverse("api-search"), {}, content_type="application/json").json()
    result = next(r for r in search["results"] if r["slug"] == "rasac-perth-kinross")

    for answer in (service, result):
        assert answer["service_status"]["value"] == "running"
        assert answer["service_status"]["seen_on"] == "2024-11-27"
        helpline = next(c for c in answer["contacts"] if c["value"] == "01738 630965")
        assert helpline["kind"] == "phone"
        assert helpline["confirmed_on"] is None
        assert helpline["source_url"] == "http://www.rasacpk.org.uk/recently-sarn/"


def test_the_api_says_how_sure_each_fact_is_and_where_it_comes_from(client):
    service = client.get(reverse("api-service", args=["steve-retson-project"])).json()
    search = client.post(reverse("api-search"), {}, content_type="application/json").json()
    result = next(r for r in search["results"] if r["slug"] == "steve-retson-project")

    for answer in (service, result):
        phone = next(c for c in answer["contacts"] if c["kind"] == "phone")
        website = next(c for c in answer["contacts"] if c["kind"] == "website")
        # contacts.yaml: the project's own site (high), its old phone page (medium).
        assert (website["confidence"], phone["confidence"]) == ("high", "medium")
        assert answer["service_status"]["confidence"] == "low"
        assert answer["service_status"]["confirmed_on"] is None
        evidence = answer["evidence"]
        assert evidence["in_2022_survey"] is False
        assert evidence["last_checked"] is None
        assert evidence["confidence"]["who_it_is_for"] == "low"
        assert "https://www.steveretsonproject.scot/s-t-aye-campaign/" in evidence["sources"]


# Ranking: within a verdict, the services a person can contact come first


@pytest.mark.parametrize("area_code", [None, "S12000049", "S12000033"])
def test_services_we_cannot_reach_come_after_those_we_can_with_the_same_verdict(area_code):
    area = CouncilArea.objects.get(code=area_code) if area_code else None
    query = SearchQuery(located=area is not None, area=area, include_not_eligible=True)

    by_verdict: dict = {}
    for result in search(query).results:
        # Within each group of the answer (where it works, then the verdict).
        group = (result.placing, result.status)
        by_verdict.setdefault(group, []).append(result.entry.contactable)

    for status, reachable in by_verdict.items():
        assert reachable == sorted(reachable, reverse=True), status
    # Not vacuous: some verdict holds both kinds.
    assert any(len(set(reachable)) == 2 for reachable in by_verdict.values())


def test_a_woman_in_edinburgh_is_shown_the_services_she_can_contact_first():
    edinburgh = CouncilArea.objects.get(code="S12000036")
    person = Person(age=25, gender=Gender.WOMAN, trans=False)

    results = search(SearchQuery(person=person, located=True, area=edinburgh)).results

    for_her = [r.entry.slug for r in results if r.status is Status.ELIGIBLE]
    # Those working in person in Edinburgh first (Sacro - Another Way and WISHES, no route yet),
    # then the others, where Click and National Ugly Mugs have a website.
    assert for_her == ["sacro-another-way", "wishes", "click-sacro", "national-ugly-mugs"]


# Where "who it is for" comes from


@pytest.mark.parametrize(
    ("in_survey", "confidence", "checked", "origin"),
    [
        (True, "high", False, "the 2022 survey;"),
        (True, "medium", False, "the 2022 survey and the service's public pages;"),
        (True, "low", False, "our reading of the 2022 survey, which published only totals;"),
        (False, "low", False, "public sources;"),
        (False, "high", False, "public sources;"),
        (True, "low", True, None),
    ],
)
def test_a_verdict_says_where_its_facts_come_from_until_the_service_confirms_them(
    in_survey, confidence, checked, origin
):
    words = who_source_text(in_survey, confidence, checked)

    if origin is None:
        assert words == ""
    else:
        assert words == (
            "Who it is for, including whether it supports trans and non-binary people, comes "
            f"from {origin} not yet confirmed with the service, so ask them."
        )


def test_every_card_with_a_verdict_and_every_service_page_says_where_who_it_is_for_comes_from(
    client,
):
    html = client.post(reverse("finder"), as_sent_by_the_page({})).content.decode()
    evaa = client.get(reverse("service-detail", args=["evaa"])).content.decode()

    for slug in re.findall(r'data-result-slug="([^"]+)"', html):
        assert "not yet confirmed with the service, so ask them." in card_of(html, slug), slug
    # EVAA's inclusion of trans people was assigned to match the survey's totals.
    assert "Supports trans and non-binary people" in evaa
    assert "our reading of the 2022 survey, which published only totals" in evaa
