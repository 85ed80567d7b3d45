"""Small helpers for the sentences the finder shows."""

from datetime import date

from services.models import WaitingList


def listed(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def waiting_list_text(waiting_list: str, next_course_starts: date | None) -> str:
    """What a visitor should expect before being seen."""
    if waiting_list == WaitingList.NEXT_COURSE:
        if next_course_starts:
            return f"Next course starts on {next_course_starts:%-d %B %Y}"
        return "Starts with the next course: ask them when it begins"
    if waiting_list == WaitingList.WAITING_LIST:
        return "There may be a waiting list"
    return "No waiting list"
