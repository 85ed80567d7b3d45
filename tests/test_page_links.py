"""Where a link to one of the site's pages goes from the page a person is on."""

import pytest

from servicemap.page_links import link_from


@pytest.mark.parametrize(
    ("here", "url", "href"),
    [
        ("/about/", "/privacy/", "/privacy/"),
        ("/about/", "/about/", ""),
        ("/about/", "/about/#data", "#data"),
        ("/privacy/", "/about/#data", "/about/#data"),
        ("/", "/", ""),
        ("/areas/fife/", "/", "/"),
        (None, "/", "/"),
    ],
)
def test_a_link_to_the_page_itself_is_dropped_and_one_to_a_part_of_it_jumps_there(here, url, href):
    assert link_from(here, url) == href
