"""Single-use tokens: a full-page finder form shows its answers once, and never again.

Without JavaScript the finder's answers travel in a POST, and a browser sends a POST again on
Reload, or on Back once someone confirms "Confirm form resubmission". After a quick exit, whoever
picks up the phone could bring back every answer and the results. So every full-page form carries
a token of its own: random, and signed with the time it was made, so it says nothing about anyone.
The first POST with it is answered and uses it up; a POST whose token is used, missing, forged or
too old gets the empty form instead. Nothing a person answered is stored or put in a URL: the
server keeps which random tokens were used, and only until they would be refused as too old.

The results the finder's script fetches never enter history, so they need no token.
"""

import enum
import secrets
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from services.models import UsedFinderToken

# The form field that carries the token.
FIELD = "finder_token"
# Long enough for someone to answer at their own pace, with the page left open in between.
LIFETIME = timedelta(days=1)
SIGNER = signing.TimestampSigner(salt="services.finder_tokens")


class Refusal(enum.Enum):
    """Why a full-page form's answers were not shown, in the words the person reads (``message``,
    in the page's language; the value is the English)."""

    SENT_AGAIN = gettext_noop(
        "To keep your answers private, this page does not show them again. "
        "Answer the questions again to search."
    )
    TOO_OLD = gettext_noop(
        "This page was open for more than a day. To keep your answers private, "
        "answer the questions again to search."
    )

    @property
    def message(self) -> str:
        return gettext(self.value)


def new_token() -> str:
    return SIGNER.sign(secrets.token_urlsafe(16))


def use(token: str) -> Refusal | None:
    """Uses the token up; None if its answers may be shown, else why not.

    A used token is one row whose primary key is the token, so of two requests carrying the same
    token at the same moment, the database lets one insert it and refuses the other.
    """
    try:
        random_part = SIGNER.unsign(token, max_age=LIFETIME)
    except signing.SignatureExpired:
        return Refusal.TOO_OLD
    except signing.BadSignature:
        return Refusal.SENT_AGAIN
    now = timezone.now()
    UsedFinderToken.objects.filter(expires__lt=now).delete()
    try:
        with transaction.atomic():
            UsedFinderToken.objects.create(token=random_part, expires=now + LIFETIME)
    except IntegrityError:
        return Refusal.SENT_AGAIN
    return None
