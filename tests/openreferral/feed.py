"""Reading the feed in tests: every page of a list, and schema checks with readable failures."""

from services.openreferral import schemas


def assert_valid(document, reference: str) -> None:
    problem = schemas.problem(document, reference)
    assert problem is None, f"not valid against {reference}: {problem}"


def all_pages(client, url: str, **query) -> list[dict]:
    """Every page of a feed list, following page numbers up to the one marked last."""
    pages = []
    while not pages or not pages[-1]["last_page"]:
        response = client.get(url, {**query, "page": len(pages) + 1})
        assert response.status_code == 200, response.content
        pages.append(response.json())
    return pages


def full_feed(client) -> list[dict]:
    """Every published service's fully nested record, as an importer would take them."""
    pages = all_pages(client, "/openreferral/services", full="true", per_page=5)
    return [service for page in pages for service in page["contents"]]
