"""The Content-Security-Policy's one computed part: the map tile server's host."""

import re
from urllib.parse import urlsplit

PLACEHOLDER = re.compile(r"\{[^}]*\}")


def tile_server_source(tile_url: str) -> str:
    """The CSP source that admits a Leaflet tile URL template's images, and no other host's.

    Templates name subdomains with placeholders (``https://{s}.tile.example.org/{z}/{x}/{y}.png``);
    a placeholder in the host becomes a ``*`` wildcard, which CSP allows only as the leftmost label.
    """
    parts = urlsplit(tile_url)
    host = PLACEHOLDER.sub("*", parts.netloc)
    return f"{parts.scheme}://{host}"
