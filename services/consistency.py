"""Rules across a service's many-to-many fields, which database constraints cannot hold.

Checked by the admin form and by the bulk import alike, with the same words.
"""

from collections.abc import Collection

from services.models import Scope


def relation_problems(
    scope: str, coverage: Collection[str], offers: Collection[str], primary_offer: str | None
) -> dict[str, str]:
    """Problems by field name: council-area codes and offer codes in, messages out."""
    problems = {}
    if scope == Scope.AREAS and not coverage:
        problems["coverage"] = (
            "Choose the areas it covers, or say it works across Scotland or the UK."
        )
    if primary_offer is not None and primary_offer not in offers:
        problems["primary_offer"] = "The main kind of help must be one of what it offers."
    return problems
