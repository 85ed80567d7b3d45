"""The helplines as pages show them, in the order admins gave.

Every answer of the finder ends in them, so a process keeps what it read for
HELPLINES_CHECK_SECONDS rather than asking the database on every search: a save in this process
forgets it at once (signals), and other processes see an edit within that time.

A page served while the database cannot be read (an error page in an outage), or a database the
helplines file was never loaded into, shows the numbers of the helplines file instead: no page is
ever without the urgent numbers.
"""

import functools
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError

from helplines.loading import read_helplines, unsaved_helplines
from helplines.models import Helpline, Kind, Need

HELPLINES_FILE = settings.BASE_DIR / "fixtures" / "helplines.yaml"


@dataclass(frozen=True)
class Directory:
    urgent: tuple[Helpline, ...]
    under_18: tuple[Helpline, ...]
    mainstream: tuple[Helpline, ...]

    @classmethod
    def of(cls, helplines: Iterable[Helpline]) -> "Directory":
        ordered = sorted(helplines, key=lambda helpline: (helpline.order, helpline.name))
        of_kind = {kind: tuple(h for h in ordered if h.kind == kind) for kind in Kind}
        return cls(of_kind[Kind.URGENT], of_kind[Kind.UNDER_18], of_kind[Kind.MAINSTREAM])

    def mainstream_for(self, needs: Iterable[Need]) -> tuple[Helpline, ...]:
        """The mainstream routes for these needs, in the needs' order."""
        return tuple(
            helpline for need in needs for helpline in self.mainstream if helpline.need == need
        )


class _Kept:
    # (when it was read, by time.monotonic(); what was read), or None.
    read: tuple[float, Directory] | None = None


def current_directory() -> Directory:
    kept = _Kept.read
    if kept is not None and time.monotonic() - kept[0] < settings.HELPLINES_CHECK_SECONDS:
        return kept[1]
    try:
        directory = Directory.of(Helpline.objects.all())
    except DatabaseError:
        # Not kept: the next page asks the database again, so it shows admins' rows once it is back.
        return file_directory()
    if not directory.urgent:
        directory = file_directory()
    _Kept.read = (time.monotonic(), directory)
    return directory


def forget_directory(**kwargs) -> None:
    """Read the helplines again on the next page (connected to Helpline's saves and deletes)."""
    _Kept.read = None


@functools.cache
def file_directory() -> Directory:
    return Directory.of(unsaved_helplines(read_helplines(HELPLINES_FILE)))
