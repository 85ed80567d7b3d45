"""The Content-Security-Policy's computed parts: the map tile server's host, and what admin pages
add to it."""

import base64
import hashlib
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


# Attributes that third-party admin templates write inline, which the policy would refuse: the
# history list's paginator style (django-simple-history's object_history_list.html) and the export
# page's styles and its "Select all" box's handler (django-import-export's export.html). Admin
# pages allow exactly these, by hash; public pages never do.
ADMIN_INLINE_STYLES = ("border-top: 0", "padding: 0;", "font-weight: bold;")
ADMIN_INLINE_HANDLERS = ("onSelectToggleChange(event)",)


def source_hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def admin_policy_additions() -> dict[str, list[str]]:
    """Directives for inline attributes alone (CSP level 3): stylesheets and scripts stay as the
    site's policy says."""
    return {
        "style-src-attr": ["'unsafe-hashes'", *map(source_hash, ADMIN_INLINE_STYLES)],
        "script-src-attr": ["'unsafe-hashes'", *map(source_hash, ADMIN_INLINE_HANDLERS)],
    }
