"""Page weight: the bytes a visitor's browser downloads on a first visit, in real Chromium.

The site runs as in production (gunicorn, DEBUG off, collected hashed and compressed static files
served by WhiteNoise), so compression is what a visitor gets. Each load uses a fresh browser
context (an empty cache) that refuses every host but the site. A worker process drives Chromium
with the browser tests' own settings, so the runner stays free of Playwright's event loop.
"""

import argparse
import json
import urllib.request

from benchmarks.common import (
    Figure,
    Run,
    Section,
    ensure_debian_package,
    gunicorn,
    kilobytes,
    run_worker,
    setup_django,
)
from servicemap.languages import ENGLISH, LANGUAGES

LOADS = 3
# (name, path, the element that says its map has drawn: Leaflet on the finder, server-drawn SVG
# on the service and area pages)
PAGES = [
    ("finder", "/", "#finder-map[data-ready=true]"),
    ("service page (/services/roam/)", "/services/roam/", "svg.locator-map"),
    (
        "area page (/areas/city-of-edinburgh/)",
        "/areas/city-of-edinburgh/",
        "svg.locator-map",
    ),
]
# What a map loads for itself, named by the data- attributes of its element.
# The finder's map draws data that comes in the page itself (services/finder_map.py).
MAP_ATTRIBUTES = ["data-leaflet-js", "data-leaflet-css", "data-shapes-url"]
LEAFLET_FILES = "/static/leaflet/"
# The finder in each other language: its words and its JavaScript catalog differ (issue 18).
PAGES += [
    (f"finder in {language.name} (/{language.code}/)", f"/{language.code}/", PAGES[0][2])
    for language in LANGUAGES
    if language != ENGLISH
]
FINDER_TARGETS = {"usable": 50_000, "total": 150_000}
TARGETS = {
    **{name: FINDER_TARGETS for name, _path, _ready in PAGES if name.startswith("finder")},
    "service page (/services/roam/)": {"total": 60_000},
}
PARTS = {"usable": "before the page is usable (its map excluded)", "total": "in total, map drawn"}
# Accept-Encoding values: none, gzip alone, and what Chromium sends.
ENCODINGS = {"raw": "identity", "gzip": "gzip", "as Chromium asks": "gzip, deflate, br, zstd"}


def measure(run: Run) -> Section:
    scales, log = run.scales, run.log
    database = scales[-1].seed
    section = Section(
        "Page weight: first load in Chromium",
        f"Debian's Chromium through Playwright (the browser tests' arguments), a fresh context "
        f"for each of {LOADS} loads a page, every host but the site refused. The site: gunicorn "
        f"with production settings (DEBUG off, `collectstatic`'s hashed and compressed files "
        f"served by WhiteNoise) on the {database.label} seed-scale database. Bytes are over the "
        "wire: responseHeadersSize + responseBodySize (compressed) of every finished request. "
        "*Usable*: everything but what the map loads for itself (the files named by the map "
        "element's data-leaflet-js, data-leaflet-css and data-shapes-url, and "
        "Leaflet's images); the finder's map starts only after the load event, the other pages' "
        "at DOMContentLoaded. *Total*: every request once the map says it is ready "
        "(`data-ready=true`) and the network is idle; the finder map's data comes in the page. "
        "Map tiles are off (no tile server configured). The figure is the median of the loads.",
    )
    chromium = ensure_debian_package("chromium", "chromium")
    if chromium is None:
        section.notes.append("Not measured: Chromium is not installed and could not be.")
        return section
    log("  page weight")
    with gunicorn(database.url, workers=2) as server:
        base_url = server.url
        loads = run_worker("page_weight", database.url, base_url)
        shapes = {
            name: _body_size(f"{base_url}/api/v1/areas", value) for name, value in ENCODINGS.items()
        }
    rows = []
    for name, _path, _ready in PAGES:
        usable = sorted(load["usable"] for load in loads["pages"][name])[LOADS // 2]
        total = sorted(load["total"] for load in loads["pages"][name])[LOADS // 2]
        refused = sum(len(load["refused"]) for load in loads["pages"][name])
        rows.append(
            [
                name,
                kilobytes(usable),
                kilobytes(total),
                str(loads["pages"][name][0]["requests"]),
                str(refused),
            ]
        )
        for part, value in (("usable", usable), ("total", total)):
            target = TARGETS.get(name, {}).get(part)
            section.figures.append(
                Figure(
                    f"{name}: {PARTS[part]}",
                    kilobytes(value),
                    f"≤ {kilobytes(target)}" if target else "",
                    value <= target if target else None,
                )
            )
    section.tables.append(
        (
            ["page", "usable", "total with map", "requests", "refused (other hosts)"],
            rows,
        )
    )
    finder = loads["pages"]["finder"][0]
    section.tables.append(
        (
            ["finder's requests (first load)", "type", "part", "bytes"],
            [
                [item["path"], item["type"], item["part"], f"{item['bytes']:,}"]
                for item in sorted(finder["items"], key=lambda item: -item["bytes"])
            ],
        )
    )
    section.tables.append(
        (
            ["GET /api/v1/areas", "body bytes", "Content-Encoding"],
            [[name, f"{size:,}", encoding] for name, (size, encoding) in shapes.items()],
        )
    )
    section.figures.append(
        Figure(
            "GET /api/v1/areas, raw / gzipped",
            f"{kilobytes(shapes['raw'][0])} / {kilobytes(shapes['gzip'][0])}",
            "",
            None,
        )
    )
    section.notes.append(f"Chromium {loads['chromium']}.")
    return section


def _body_size(url: str, accept_encoding: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=30) as response:
        return len(response.read()), response.headers.get("Content-Encoding", "none")


def work(base_url: str) -> dict:
    """In the worker: load each page LOADS times in Chromium and add up what came over the wire."""
    from playwright.sync_api import sync_playwright

    # The browser tests' fixtures, which say how Chromium runs here, need Django's models.
    setup_django()
    # How Chromium runs on these machines is said once, for the browser tests and for this.
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = {
            name: [_first_load(browser, base_url, path, ready) for _ in range(LOADS)]
            for name, path, ready in PAGES
        }
        version = browser.version
        browser.close()
    return {"pages": pages, "chromium": version}


def _first_load(browser, base_url: str, path: str, ready: str) -> dict:
    context = browser.new_context()
    refused = []

    def only_this_site(route) -> None:
        if route.request.url.startswith(base_url + "/"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", only_this_site)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    response = page.goto(base_url + path, wait_until="load")
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    page.locator(ready).wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    map_files = set(
        page.eval_on_selector_all(
            "[data-shapes-url]",
            "(elements, names) => elements.flatMap(element => names"
            ".map(name => element.getAttribute(name)).filter(Boolean)"
            ".map(url => new URL(url, location.href).href))",
            MAP_ATTRIBUTES,
        )
    )
    items = []
    for request in finished:
        sizes = request.sizes()
        url = request.url
        lazy = url in map_files or url.startswith(base_url + LEAFLET_FILES)
        items.append(
            {
                "path": url.removeprefix(base_url),
                "type": request.resource_type,
                "part": "map" if lazy else "usable",
                "bytes": sizes["responseHeadersSize"] + sizes["responseBodySize"],
            }
        )
    context.close()
    return {
        "requests": len(items),
        "usable": sum(item["bytes"] for item in items if item["part"] == "usable"),
        "total": sum(item["bytes"] for item in items),
        "refused": refused,
        "items": items,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--worker", action="store_true", required=True, help="run by benchmarks.run: load pages"
    )
    parser.add_argument("base_url")
    arguments = parser.parse_args()
    print(json.dumps(work(arguments.base_url)))


if __name__ == "__main__":
    main()
