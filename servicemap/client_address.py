"""The address a request came from, as sign-in lockouts and rate limits count it.

Behind our reverse proxy REMOTE_ADDR is the proxy's, and the client's address is the last one a
proxy we trust (TRUSTED_PROXIES) appended to X-Forwarded-For; the entries before it are whatever
the client sent, so trusting them would let an attacker pick a new address for every guess. From
anyone else, or without a proxy, the header is the client's own invention and is ignored: someone
who reaches gunicorn directly cannot pick their address either.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    if not from_trusted_proxy(request):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    # Read from the end: each proxy we trust appended the address it was reached from.
    for address in reversed([entry.strip() for entry in forwarded]):
        if address and not is_trusted_proxy(address):
            return address
    return remote


def from_trusted_proxy(request: HttpRequest) -> bool:
    """Whether the request reached us through one of our own reverse proxies."""
    return settings.BEHIND_TLS_PROXY and is_trusted_proxy(request.META.get("REMOTE_ADDR", ""))


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(proxy) for proxy in settings.TRUSTED_PROXIES)
