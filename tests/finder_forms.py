"""The finder's whole-page form as a browser sends it: the answers and the page's single-use
token (services/finder_tokens.py), without which the page shows the empty form instead."""

from services import finder_tokens


def as_sent_by_the_page(answers: dict) -> dict:
    return {**answers, finder_tokens.FIELD: finder_tokens.new_token()}
