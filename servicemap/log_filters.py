"""What the server's logs may say of a request: never what a visitor asked for or who asked.

Query strings and client addresses are dropped, and control characters in what is kept are
escaped: a path holding %0A is decoded to a line break, which would otherwise start a forged line.
"""

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"']*")
CLIENT_ADDRESS = re.compile(r"\bip=\S+?(?=:?\s|$)")
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escaped(text: str) -> str:
    return CONTROL_CHARACTER.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def redact(text: str) -> str:
    return escaped(CLIENT_ADDRESS.sub("ip=-", QUERY_STRING.sub("", text)))


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
