"""The address a request came from, as sign-in lockouts count it.

Behind our reverse proxy REMOTE_ADDR is the proxy's, and the client's address is the last one the
proxy appended to X-Forwarded-For; the entries before it are whatever the client sent, so trusting
them would let an attacker pick a new address for every guess. Without a proxy the header is the
client's own invention and is ignored.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        appended_by_proxy = forwarded.rsplit(",", 1)[-1].strip()
        if appended_by_proxy:
            return appended_by_proxy
    return request.META.get("REMOTE_ADDR")
