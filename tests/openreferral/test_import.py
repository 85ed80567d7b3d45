"""manage.py import_openreferral: a feed in, all or nothing; our own feed survives a round trip."""

import http.server
import json
import socket
import threading
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import CommandError, call_command

from services.models import ContactRoute, Location, Organisation, Service, ServiceSource
from services.openreferral.importer import merged_record
from tests.openreferral.feed import all_pages, full_feed

pytestmark = pytest.mark.django_db


def exported(client) -> dict:
    """Everything the feed says: every list page (items and full records) and every record."""
    return {
        "items": all_pages(client, "/openreferral/services", per_page=5),
        "records": full_feed(client),
    }


def wipe_services() -> None:
    Service.all_objects.all().delete()
    Organisation.objects.all().delete()


def write(tmp_path, document) -> str:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_exporting_wiping_and_importing_gives_an_identical_feed(
    client, tmp_path, capsys, rich_service
):
    before = exported(client)
    source = write(tmp_path, before["records"])

    wipe_services()
    call_command("import_openreferral", source)

    assert exported(client) == before
    assert "created 20" in capsys.readouterr().out


def test_importing_the_feed_over_itself_changes_nothing(client, tmp_path, capsys):
    before = exported(client)

    call_command("import_openreferral", write(tmp_path, before["records"]))

    assert exported(client) == before
    assert "unchanged 19" in capsys.readouterr().out


@pytest.fixture
def feed_server(client):
    """Our own feed, served over HTTP a page at a time, as another directory would publish it."""
    pages = {
        page["page_number"]: page
        for page in all_pages(client, "/openreferral/services", per_page=5, full="true")
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            query = parse_qs(urlparse(self.path).query)
            body = json.dumps(pages[int(query.get("page", ["1"])[0])]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/openreferral/services?full=true&per_page=5"
    server.shutdown()
    server.server_close()


def test_a_feed_url_is_read_page_by_page(client, feed_server):
    before = exported(client)
    wipe_services()

    call_command("import_openreferral", feed_server)

    assert exported(client) == before


def test_a_url_that_does_not_answer_times_out_with_one_line(settings):
    settings.OUTBOUND_TIMEOUT_SECONDS = 0.2
    # A socket that is listening but never answers: the connection opens, the reply never comes.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/openreferral/services"
        with pytest.raises(CommandError, match="timed out") as raised:
            call_command("import_openreferral", url)

    assert "\n" not in str(raised.value)


def edited(records: list[dict], number: int, **changes) -> list[dict]:
    records = json.loads(json.dumps(records))
    records[number].update(changes)
    return records


def with_service_area_uri(records: list[dict], uri: str) -> list[dict]:
    records = json.loads(json.dumps(records))
    records[3]["service_areas"][0]["uri"] = uri
    return records


BAD_FEEDS = [
    ("not json", lambda records: "{not json", "cannot read feed.json"),
    ("no services", lambda records: {"hello": "world"}, "holds no HSDS services"),
    ("not hsds", lambda records: edited(records, 3, status="open"), "service 4"),
    ("fractional age", lambda records: edited(records, 3, minimum_age=17.5), "whole number"),
    ("no organisation", lambda records: edited(records, 3, organization=None), "organization"),
    (
        "ages the wrong way round",
        lambda records: edited(records, 3, minimum_age=30, maximum_age=20),
        "minimum age cannot be above the maximum age",
    ),
    (
        "unknown council area",
        lambda records: with_service_area_uri(
            records, "http://statistics.data.gov.uk/id/statistical-geography/S12999999"
        ),
        "S12999999",
    ),
    (
        "a service area from another scheme",
        lambda records: with_service_area_uri(records, "https://example.org/areas/leith"),
        "GSS code",
    ),
    ("the same service twice", lambda records: [*records, records[0]], "more than once"),
    (
        "a list without details",
        lambda records: {
            "total_pages": 1,
            "page_number": 1,
            "contents": [{"id": "x", "name": "x"}],
        },
        "full=true",
    ),
]


@pytest.mark.parametrize(
    ("case", "corrupt", "message"), BAD_FEEDS, ids=[row[0] for row in BAD_FEEDS]
)
def test_a_bad_feed_is_refused_whole_with_one_line(client, tmp_path, case, corrupt, message):
    records = full_feed(client)
    document = corrupt(records)
    source = tmp_path / "feed.json"
    source.write_text(document if isinstance(document, str) else json.dumps(document))
    wipe_services()

    with pytest.raises(CommandError, match=message) as raised:
        call_command("import_openreferral", str(source))

    assert "\n" not in str(raised.value)
    assert not Service.all_objects.exists()


def test_a_file_holding_one_page_of_several_is_refused(client, tmp_path):
    first_page = client.get("/openreferral/services", {"full": "true", "per_page": 5}).json()

    with pytest.raises(CommandError, match="one page of 4"):
        call_command("import_openreferral", write(tmp_path, first_page))


def test_importing_over_a_service_keeps_what_the_feed_never_carries(client, tmp_path):
    roam = Service.all_objects.get(slug="roam")
    Location.all_objects.create(
        service=roam, name="Safe flat", council_area=roam.coverage.first(), public=False
    )
    ContactRoute.all_objects.create(service=roam, kind="phone", value="0131 000 0000", public=False)
    Service.all_objects.filter(pk=roam.pk).update(data_notes="Checked by phone")
    sources = list(roam.sources.values_list("url", flat=True))
    records = [
        {**record, "name": "Roam (renamed)"} if record["name"] == "Roam" else record
        for record in full_feed(client)
    ]

    call_command("import_openreferral", write(tmp_path, records))

    roam.refresh_from_db()
    assert roam.name == "Roam (renamed)"
    assert roam.data_notes == "Checked by phone"
    assert Location.all_objects.filter(service=roam, name="Safe flat", public=False).exists()
    assert ContactRoute.all_objects.filter(
        service=roam, value="0131 000 0000", public=False
    ).exists()
    assert list(ServiceSource.objects.filter(service=roam).values_list("url", flat=True)) == sources


PUBLIC_BASE = {"name": "Drop-in", "public": True}
SAFE_FLAT = {"name": "Safe flat", "public": False}
PUBLIC_PHONE = {"kind": "phone", "value": "1", "public": True}
PRIVATE_PHONE = {"kind": "phone", "value": "2", "public": False}
CONFIRMED = {"hours": "9 to 5", "source_url": "https://example.org", "confirmed_on": "2026-12-04"}
DROP_IN_ADDRESS = {"kind": "address", "value": "1 High Street", "public": True}


@pytest.mark.parametrize(
    ("feed", "existing", "merged"),
    [
        (
            {"name": "New", "locations": [PUBLIC_BASE], "contact_routes": []},
            None,
            {"name": "New", "locations": [PUBLIC_BASE], "contact_routes": []},
        ),
        (
            {"name": "New", "locations": [], "contact_routes": [PUBLIC_PHONE]},
            {
                "name": "Old",
                "data_notes": "kept",
                "sources": ["kept"],
                "locations": [PUBLIC_BASE, SAFE_FLAT],
                "contact_routes": [PRIVATE_PHONE],
            },
            {
                "name": "New",
                "data_notes": "kept",
                "sources": ["kept"],
                "locations": [SAFE_FLAT],
                "contact_routes": [PUBLIC_PHONE, PRIVATE_PHONE],
            },
        ),
        (
            {"name": "New", "locations": [], "contact_routes": [PUBLIC_PHONE]},
            {
                "name": "Old",
                "locations": [],
                "contact_routes": [
                    {**PUBLIC_PHONE, "label": "Old", **CONFIRMED},
                    DROP_IN_ADDRESS,
                ],
            },
            {
                "name": "New",
                "locations": [],
                "contact_routes": [{**PUBLIC_PHONE, **CONFIRMED}, DROP_IN_ADDRESS],
            },
        ),
    ],
    ids=[
        "a new service is the feed's",
        "an existing one keeps what the feed never carries",
        "a route keeps its source and confirmation, and an address the feed cannot hold",
    ],
)
def test_merging_a_feed_record_with_ours(feed, existing, merged):
    assert merged_record(feed, existing) == merged
