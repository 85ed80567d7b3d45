"""Links to the site's own pages, as seen from the page a person is on.

A link to the page itself goes nowhere (and on a phone looks like a way forward), so the page a
person is on is named, not linked (aria-current="page"); a link to a part of it jumps there.
"""


def link_from(here: str | None, url: str) -> str:
    """Where a link to ``url`` goes from the page at the path ``here``: ``url`` itself; only its
    fragment when it is a part of this page; or "" (no link) when it is this page."""
    path, _, fragment = url.partition("#")
    if path != here:
        return url
    return f"#{fragment}" if fragment else ""
