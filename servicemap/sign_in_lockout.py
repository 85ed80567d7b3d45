"""Sign-in lockout (django-axes) by user name and address, with a ceiling for each account.

Counting by user name and address alone lets someone with many addresses guess without end;
counting by user name alone would let anyone lock an admin out with a handful of guesses. So
AXES_FAILURE_LIMIT wrong passwords pause one user name from one address, and ACCOUNT_FAILURE_LIMIT,
a few times higher, pause the user name from every address, both for AXES_COOLOFF_HOURS (an
admin can lift either under Admin -> Access attempts).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


class AccountCeilingHandler(AxesDatabaseHandler):
    def is_locked(self, request: HttpRequest, credentials: dict | None = None) -> bool:
        return super().is_locked(request, credentials) or self.at_ceiling(request, credentials)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The failure that reaches the ceiling is answered with the pause, as one that reaches
        # the limit for a user name and address is.
        if request is not None and self.at_ceiling(request, credentials):
            request.axes_locked_out = True

    def at_ceiling(self, request: HttpRequest, credentials: dict | None) -> bool:
        return self.account_failures(request, credentials) >= settings.ACCOUNT_FAILURE_LIMIT

    def account_failures(self, request: HttpRequest, credentials: dict | None) -> int:
        username = get_client_username(request, credentials)
        if username is None:
            return 0
        recent = AccessAttempt.objects.filter(
            username=username, attempt_time__gte=get_cool_off_threshold(request)
        )
        return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0
