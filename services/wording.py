"""Small helpers for the sentences the finder, and its admins' queues, show."""

from dataclasses import dataclass
from datetime import date

from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext, pgettext

from servicemap.languages import entered_text
from services.models import Confidence, ServiceStatus, WaitingList, may_be_out_of_date

# Kept in English, as tests and pages compare it; translated where it is shown (gettext(NO_ROUTE)).
NO_ROUTE = gettext_noop("We do not yet have a way to contact this service.")

# The finder's choice that lists the services a person cannot use, with the reasons: its label,
# and what the answer's messages tell a person to tick.
SHOW_NOT_FOR_YOU = gettext_lazy("Also show services that are not for me, and why")
# The fold the finder keeps every question but where under (SHOW_NOT_FOR_YOU among them).
TELL_US_MORE = gettext_lazy("Tell us more to narrow this down (optional)")


def listed(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c", with the words and commas of the page's language."""
    if len(items) <= 1:
        return "".join(items)
    # Translators: the separator between the items of a list but the last two: "a, b and c".
    separator = pgettext("list separator", ", ")
    # Translators: the end of a list: "%(items)s" is "a" or "a, b", "%(last)s" is its last item.
    return _("%(items)s and %(last)s") % {"items": separator.join(items[:-1]), "last": items[-1]}


def long_date(day: date) -> str:
    """A date as a person reads it, in the page's language's long form: "4 December 2026",
    "2026年12月4日", "4 grudnia 2026" (servicemap/formats for English's)."""
    return formats.date_format(day, "DATE_FORMAT")


def waiting_list_text(waiting_list: str, next_course_starts: date | None) -> str:
    """What a visitor should expect before being seen."""
    if waiting_list == WaitingList.NEXT_COURSE:
        if next_course_starts:
            return _("Next course starts on %(date)s") % {"date": long_date(next_course_starts)}
        return _("Starts with the next course: ask them when it begins")
    if waiting_list == WaitingList.WAITING_LIST:
        return _("There may be a waiting list")
    return _("No waiting list")


# Where the facts deciding who a service is for come from, by how sure that source is, for a
# service among the 2022 survey's 16 (fixtures/README.md: low means a reading of the survey's
# published totals, not a fact it stated about the service).
WHO_SOURCE_IN_SURVEY = {
    Confidence.HIGH: gettext_lazy(
        "Who it is for, including whether it supports trans and non-binary people, comes from "
        "the 2022 survey; not yet confirmed with the service, so ask them."
    ),
    Confidence.MEDIUM: gettext_lazy(
        "Who it is for, including whether it supports trans and non-binary people, comes from "
        "the 2022 survey and the service's public pages; not yet confirmed with the service, so "
        "ask them."
    ),
    Confidence.LOW: gettext_lazy(
        "Who it is for, including whether it supports trans and non-binary people, comes from "
        "our reading of the 2022 survey, which published only totals; not yet confirmed with the "
        "service, so ask them."
    ),
}
# For a service added since the survey.
WHO_SOURCE_PUBLIC = gettext_lazy(
    "Who it is for, including whether it supports trans and non-binary people, comes from "
    "public sources; not yet confirmed with the service, so ask them."
)


def who_source_text(in_2022_survey: bool, confidence: str, checked_with_service: bool) -> str:
    """Where "who it is for" comes from, beside every verdict and on the service's page: a verdict
    resting on facts the service has not confirmed says so in words."""
    if checked_with_service:
        return ""
    if in_2022_survey:
        return str(WHO_SOURCE_IN_SURVEY[Confidence(confidence)])
    return str(WHO_SOURCE_PUBLIC)


def route_state_text(confirmed_on: date | None) -> str:
    """Which of the two states a contact route is in: every route a person reads says it."""
    if confirmed_on is None:
        return _("From a public source, not yet confirmed with the service")
    return _("Confirmed with the service on %(date)s") % {"date": long_date(confirmed_on)}


def status_text(status: str, note: str, seen_on: date | None) -> str:
    """A service's status in words, or "" for one running as far as anyone knows."""
    if status == ServiceStatus.RUNNING:
        return ""
    if status == ServiceStatus.UNKNOWN:
        if seen_on is None:
            return _("We have no recent news of this service: it may have changed or closed.")
        return _("No news of this service since %(date)s: it may have changed or closed.") % {
            "date": long_date(seen_on)
        }
    label = str(ServiceStatus(status).label)
    if not note:
        return label
    # Translators: a service's status ("Changed", "Temporarily closed") and the team's note on it.
    return with_markup(_("%(status)s: %(note)s"), status=label, note=entered_text(note))


def with_markup(words: str, **values: str) -> SafeString:
    """Translated words filled with values that may carry markup (``entered_text``'s):
    each part escaped on its own, so the markup survives and nothing else gets in."""
    return mark_safe(  # noqa: S308 - every part is escaped just above
        conditional_escape(words)
        % {name: conditional_escape(value) for name, value in values.items()}
    )


def contact_next_step(
    routes: int, confirmed_routes: int, status: str, last_checked: date | None, today: date
) -> str:
    """What an admin should ask a service next, in the queue of services to contact."""
    if status == ServiceStatus.CLOSED:
        return "Nothing to ask: it has closed."
    steps = []
    unconfirmed = routes - confirmed_routes
    if routes == 0:
        steps.append("find a way to contact them")
    elif unconfirmed:
        other = "other " if confirmed_routes else ""
        how_many = f"{unconfirmed} " if unconfirmed > 1 else ""
        noun = ngettext("contact route", "contact routes", unconfirmed)
        steps.append(f"confirm its {other}{how_many}{noun} with them")
    if status == ServiceStatus.UNKNOWN:
        steps.append("ask whether it still runs")
    elif may_be_out_of_date(last_checked, today):
        steps.append("check it still runs as shown")
    if not steps:
        return "Nothing to ask for now."
    sentence = listed(steps)
    return f"{sentence[0].upper()}{sentence[1:]}."


@dataclass(frozen=True)
class PageWords:
    """The words of a service's page that either send a person to the service or only record."""

    access_heading: str
    no_address: str


# A service the finder lists can be asked for what we do not know; one it leaves out is not to be
# contacted, so its page keeps the same facts as a record and sends nobody to it.
WORDS_FOR_A_SERVICE_TO_CONTACT = PageWords(
    # Translators: a heading on the page of a service a person can contact.
    gettext_lazy("How to get support"),
    gettext_lazy("Contact the service for the address."),
)
WORDS_FOR_A_RECORD = PageWords(
    # Translators: a heading on the page of a service the finder no longer sends people to.
    gettext_lazy("How people reached it, as recorded"),
    gettext_lazy("No address on record."),
)


@dataclass(frozen=True)
class LeftOut:
    """Why the finder does not send people to a service, said first on its page: a heading, the
    reason, the latest news of it ("" when the reason is that news) and how recent that is."""

    heading: str
    because: str
    news: str
    dated: str


def left_out_text(
    listed: bool, not_listed_because: str, status: str, note: str, seen_on: date | None
) -> LeftOut:
    """For a service the finder leaves out (``Service.objects.in_finder()`` says which): one the
    team took out says why; otherwise it has closed, and its status note is the reason."""
    dated = _("Evidence dated %(date)s") % {"date": long_date(seen_on)} if seen_on else ""
    if not listed:
        return LeftOut(
            _("The finder does not list this service"),
            entered_text(not_listed_because),
            status_text(status, note, seen_on),
            dated,
        )
    return LeftOut(_("This service has closed"), entered_text(note), "", dated)


def confirmed_text(confirmed: int, services: int) -> str:
    """How much of the directory the services themselves have confirmed since the 2022 survey."""
    if confirmed == 0:
        return _(
            "Nothing in this directory has been confirmed with a service since the 2022 survey."
        )
    if confirmed == services:
        return ngettext(
            # Translators: on the about page; "%(count)s", the number of services, is more than
            # one in practice (the English reads the same either way).
            "All %(count)s services have confirmed some of their details with us since the "
            "2022 survey.",
            "All %(count)s services have confirmed some of their details with us since the "
            "2022 survey.",
            services,
        ) % {"count": services}
    return ngettext(
        # Translators: on the about page; "%(total)s", the number of services, is at least 2.
        "Only %(confirmed)s of the %(total)s services has confirmed any of its details with us "
        "since the 2022 survey. Nothing about the others has been confirmed.",
        "Only %(confirmed)s of the %(total)s services have confirmed any of their details with "
        "us since the 2022 survey. Nothing about the others has been confirmed.",
        confirmed,
    ) % {"confirmed": confirmed, "total": services}


def travel_costs(covered: bool) -> str:
    """Whether a service pays for a person to get to it, as far as we know: the data records only
    that some do."""
    if covered:
        return _("It can cover travel costs.")
    return _("We do not know whether it covers travel costs: ask them.")
