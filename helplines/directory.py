"""The helplines as pages show them: one query a page, in the order admins gave.

A page served while the database cannot be read (an error page in an outage), or a database the
helplines file was never loaded into, shows the numbers of the helplines file instead: no page is
ever without the urgent numbers.
"""

import functools
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


def current_directory() -> Directory:
    try:
        helplines = list(Helpline.objects.all())
    except DatabaseError:
        helplines = []
    directory = Directory.of(helplines)
    return directory if directory.urgent else file_directory()


@functools.cache
def file_directory() -> Directory:
    return Directory.of(unsaved_helplines(read_helplines(HELPLINES_FILE)))
