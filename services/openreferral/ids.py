"""Identifiers that survive a wipe and a re-import.

HSDS wants a UUID for every object. Ours are derived from natural keys (a service's slug, a
location's name within its service, a term's code), so the same record always has the same id:
another directory can update its copy by id, and a re-imported feed exports identically.
"""

import json
import uuid

# Fixed forever: changing it would change every id in the feed.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:servicemap:openreferral")


def stable_id(kind: str, *natural_key: str) -> str:
    # JSON keeps the parts apart, so ("a/b", "c") and ("a", "b/c") never share an id.
    return str(uuid.uuid5(NAMESPACE, json.dumps([kind, *natural_key])))


def service_id(slug: str) -> str:
    return stable_id("service", slug)


def organisation_id(name: str) -> str:
    return stable_id("organization", name)
