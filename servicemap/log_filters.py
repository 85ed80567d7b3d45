"""Logging filters that keep what a visitor asked for out of the server's logs."""

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"']*")
CLIENT_ADDRESS = re.compile(r"\bip=\S+?(?=:?\s|$)")


def redact(text: str) -> str:
    return CLIENT_ADDRESS.sub("ip=-", QUERY_STRING.sub("", text))


class RedactRequestDetails(logging.Filter):
    """Drops query strings and client addresses from a record's message and arguments.

    Request lines reach the logs as arguments (``"GET /?postcode=EH1 HTTP/1.1"``); a search must
    not be written down, and neither must who made it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True
