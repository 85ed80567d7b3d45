"""The queue of services to contact: who to call first, what to ask them, and recording that the
service itself confirmed its status, its details and each of its contact routes."""

import html
import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import formats, timezone

from services.models import (
    CONFIRMED_WITH_THE_SERVICE,
    ContactKind,
    ContactRoute,
    Service,
    ServiceStatus,
    ServiceToContact,
)
from services.wording import contact_next_step, route_state_text
from tests.admin_forms import admin_url

pytestmark = pytest.mark.django_db

OLD = date(2022, 5, 31)
RECENT = date(2026, 11, 2)
RUNNING, UNKNOWN, CLOSED = ServiceStatus.RUNNING, ServiceStatus.UNKNOWN, ServiceStatus.CLOSED
NO_ROUTE, PUBLIC_ONLY, CONFIRMED = "no route", "public only", "confirmed"


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("alex", "a@example.invalid", "pw")
    )
    return client


@pytest.fixture
def onlooker_client(client, django_user_model):
    """A staff account that may look at services and their routes but change nothing."""
    onlooker = django_user_model.objects.create_user("olly", password="pw", is_staff=True)
    onlooker.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_service", "view_servicetocontact", "view_contactroute"]
        )
    )
    client.force_login(onlooker)
    return client


def given(slug: str, routes: str, status: str, last_verified, status_confirmed_on=None) -> Service:
    service = Service.all_objects.get(slug=slug)
    service.contact_routes.all().delete()
    if routes != NO_ROUTE:
        ContactRoute.all_objects.create(
            service=service, kind=ContactKind.WEBSITE, value=f"https://example.org/{slug}"
        )
    if routes == CONFIRMED:
        ContactRoute.all_objects.create(
            service=service, kind=ContactKind.PHONE, value="0141 000 0000", confirmed_on=RECENT
        )
    service.status = status
    service.last_verified = last_verified
    service.status_confirmed_on = status_confirmed_on
    service.save()
    return service


def text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))).strip()


def row_html(response, name: str) -> str:
    (row,) = [
        row
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", response.content.decode(), re.S)
        if f">{name}</a>" in row
    ]
    return row


def row_of(response, name: str) -> list[str]:
    """The cells of the queue's row for a service, as an admin reads them (after its tick box)."""
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row_html(response, name), re.S)
    return [text(cell) for cell in cells][1:]


def queue(client) -> list[str]:
    response = client.get(admin_url(ServiceToContact, "changelist"))
    return [service.slug for service in response.context["cl"].result_list]


def history_of(instance):
    return instance.history.first()


# Who to contact first

# In the order the queue lists them. Slugs are chosen so that their names' order differs from
# the queue's wherever a rule above the name decides.
QUEUE = [
    # slug, routes, status, last checked, status confirmed with the service
    ("you-my-sister", NO_ROUTE, UNKNOWN, None, None),
    ("wishes", PUBLIC_ONLY, UNKNOWN, OLD, None),
    ("vice-versa", PUBLIC_ONLY, RUNNING, None, None),
    ("tara", NO_ROUTE, RUNNING, OLD, None),
    ("routes-out", PUBLIC_ONLY, RUNNING, RECENT, None),
    ("roam", CONFIRMED, UNKNOWN, RECENT, None),
    ("evaa", CONFIRMED, RUNNING, OLD, None),
    # Its status was confirmed since its details were checked: the later check counts.
    ("click-sacro", CONFIRMED, RUNNING, OLD, RECENT),
    # As recent as the last: by name.
    ("leith-partnership", CONFIRMED, RUNNING, RECENT, None),
]


def test_the_queue_lists_services_without_a_confirmed_route_then_without_news_then_oldest_first(
    admin_client_,
):
    for row in QUEUE:
        given(*row)

    listed = [slug for slug in queue(admin_client_) if slug in {row[0] for row in QUEUE}]

    assert listed == [row[0] for row in QUEUE]


def test_each_row_says_what_the_service_is_and_what_to_ask_it(admin_client_):
    wishes = given("wishes", PUBLIC_ONLY, UNKNOWN, OLD)
    ContactRoute.all_objects.create(service=wishes, kind=ContactKind.PHONE, value="0141 000 0001")
    tara = given("tara", NO_ROUTE, RUNNING, None)

    response = admin_client_.get(admin_url(ServiceToContact, "changelist"))

    assert row_of(response, "WISHES") == [
        "WISHES",
        "Not known",
        "2",
        "0",
        formats.localize(OLD),
        "Confirm its 2 contact routes with them and ask whether it still runs.",
    ]
    assert row_of(response, tara.name)[3:] == [
        "0",
        "never",
        "Find a way to contact them and check it still runs as shown.",
    ]


def test_a_services_route_count_leads_to_its_routes(admin_client_):
    wishes = given("wishes", CONFIRMED, RUNNING, OLD)
    response = admin_client_.get(admin_url(ServiceToContact, "changelist"))
    (link,) = re.findall(r'href="([^"]*contactroute[^"]*)">2<', row_html(response, wishes.name))

    routes = admin_client_.get(link.replace("&amp;", "&")).context["cl"].result_list

    assert {route.service.slug for route in routes} == {wishes.slug}
    assert len(routes) == 2


@pytest.mark.parametrize(
    ("routes", "confirmed", "status", "last_checked", "next_step"),
    [
        (0, 0, RUNNING, RECENT, "Find a way to contact them."),
        (0, 0, UNKNOWN, None, "Find a way to contact them and ask whether it still runs."),
        (1, 0, RUNNING, RECENT, "Confirm its contact route with them."),
        (
            2,
            0,
            RUNNING,
            None,
            "Confirm its 2 contact routes with them and check it still runs as shown.",
        ),
        (3, 1, RUNNING, RECENT, "Confirm its other 2 contact routes with them."),
        (
            2,
            1,
            UNKNOWN,
            RECENT,
            "Confirm its other contact route with them and ask whether it still runs.",
        ),
        (1, 1, UNKNOWN, RECENT, "Ask whether it still runs."),
        (1, 1, RUNNING, OLD, "Check it still runs as shown."),
        (1, 1, RUNNING, RECENT, "Nothing to ask for now."),
        (0, 0, CLOSED, None, "Nothing to ask: it has closed."),
    ],
)
def test_the_next_step_says_what_to_ask(routes, confirmed, status, last_checked, next_step):
    today = date(2026, 12, 5)

    assert contact_next_step(routes, confirmed, status, last_checked, today) == next_step


# Confirmed with the service today


def confirm_in(client, model, *objects):
    return client.post(
        admin_url(model, "changelist"),
        {
            "action": "confirm_with_the_service_today",
            "_selected_action": [instance.pk for instance in objects],
        },
        follow=True,
    )


def test_services_confirmed_today_are_kept_with_who_confirmed_them_and_say_so_publicly(
    client, admin_client_
):
    roam = given("roam", PUBLIC_ONLY, RUNNING, OLD)
    wishes = given("wishes", PUBLIC_ONLY, RUNNING, OLD)
    tara = given("tara", PUBLIC_ONLY, RUNNING, OLD)
    today = timezone.localdate()

    response = confirm_in(admin_client_, ServiceToContact, roam, wishes)

    assert "Marked 2 services as confirmed with the service today." in text(
        response.content.decode()
    )
    for service in (roam, wishes):
        service.refresh_from_db()
        assert (service.status_confirmed_on, service.last_verified) == (today, today)
        assert service.access_confirmed_on == today
        latest = history_of(service)
        assert latest.history_user.username == "alex"
        assert latest.history_change_reason == CONFIRMED_WITH_THE_SERVICE
        assert latest.status_confirmed_on == today
    tara.refresh_from_db()
    assert (tara.status_confirmed_on, tara.last_verified) == (None, OLD)
    page = text(client.get(roam.get_absolute_url()).content.decode())
    assert f"Checked with the service on {formats.date_format(today, 'j F Y')}" in page
    assert "Check it still runs as shown" not in "".join(row_of(response, "Roam"))


def test_a_service_whose_status_is_not_known_cannot_be_confirmed(admin_client_):
    roam = given("roam", PUBLIC_ONLY, RUNNING, OLD)
    wishes = given("wishes", PUBLIC_ONLY, UNKNOWN, OLD)
    versions = Service.history.filter(slug__in=["roam", "wishes"]).count()

    response = confirm_in(admin_client_, ServiceToContact, roam, wishes)

    assert "Nothing was confirmed: fix these first. service 'WISHES': set its status first" in text(
        response.content.decode()
    )
    assert Service.history.filter(slug__in=["roam", "wishes"]).count() == versions
    for service in (roam, wishes):
        service.refresh_from_db()
        assert (service.status_confirmed_on, service.last_verified) == (None, OLD)


def test_a_service_that_breaks_the_rules_is_not_confirmed_until_it_is_fixed(admin_client_):
    roam = given("roam", PUBLIC_ONLY, RUNNING, OLD)
    Service.coverage.through.objects.filter(service=roam).delete()

    response = confirm_in(admin_client_, ServiceToContact, roam)

    assert "Nothing was confirmed: fix these first." in text(response.content.decode())
    assert "Choose the areas it covers" in text(response.content.decode())
    roam.refresh_from_db()
    assert roam.status_confirmed_on is None


def test_a_route_confirmed_today_is_kept_with_who_confirmed_it_and_says_so_publicly(
    client, admin_client_
):
    roam = given("roam", PUBLIC_ONLY, RUNNING, OLD)
    phone = ContactRoute.all_objects.create(
        service=roam, kind=ContactKind.PHONE, value="0141 000 0002"
    )
    website = roam.contact_routes.get(kind=ContactKind.WEBSITE)
    today = timezone.localdate()

    response = confirm_in(admin_client_, ContactRoute, phone)

    assert "Marked 1 contact route as confirmed with the service today." in text(
        response.content.decode()
    )
    phone.refresh_from_db()
    website.refresh_from_db()
    assert (phone.confirmed_on, website.confirmed_on) == (today, None)
    latest = history_of(phone)
    assert (latest.history_user.username, latest.history_change_reason) == (
        "alex",
        CONFIRMED_WITH_THE_SERVICE,
    )
    assert history_of(website).confirmed_on is None
    page = text(client.get(roam.get_absolute_url()).content.decode())
    assert f"0141 000 0002 {route_state_text(today)}" in page
    assert f"example.org/roam {route_state_text(None)}" in page


@pytest.mark.parametrize("model", [ServiceToContact, ContactRoute])
def test_someone_who_may_only_look_is_not_offered_the_confirmation(onlooker_client, model):
    roam = given("roam", PUBLIC_ONLY, RUNNING, OLD)
    route = roam.contact_routes.get()
    chosen = roam if model is ServiceToContact else route

    page = onlooker_client.get(admin_url(model, "changelist"))
    attempt = confirm_in(onlooker_client, model, chosen)

    assert page.status_code == 200
    assert "confirm_with_the_service_today" not in page.content.decode()
    assert "as confirmed with the service" not in attempt.content.decode()
    roam.refresh_from_db()
    route.refresh_from_db()
    assert (roam.status_confirmed_on, route.confirmed_on) == (None, None)


def test_the_queue_opens_a_service_in_its_own_form(admin_client_):
    roam = Service.all_objects.get(slug="roam")

    response = admin_client_.get(admin_url(ServiceToContact, "change", roam.pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:services_service_change", args=[roam.pk])
