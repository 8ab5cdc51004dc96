"""Content lines as iCalendar (RFC 5545) and vCard (RFC 2426 / 6350) write them: escaped TEXT
values, and lines folded at 75 octets with CRLF endings.

Written by hand rather than through icalendar's or vobject's object models: a district's build
writes tens of thousands of events and contacts, and the libraries' per-line cost was most of
the data stage. The tests parse every file we write with icalendar and vobject."""

from __future__ import annotations

import re

_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
# Characters some parsers read as line breaks (str.splitlines splits on \x0b, \x0c, \x1c-\x1e,
# \x85, \u2028, \u2029) or that RFC 5545 forbids in TEXT (other controls). The data check
# refuses them; this is the second lock, at the sink.
_NOT_TEXT = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped; other
    control characters become spaces."""
    escaped = value.replace("\r\n", "\n").translate(_TEXT_ESCAPES)
    return _NOT_TEXT.sub(" ", escaped)


def fold(line: str) -> bytes:
    """One content line, CRLF-terminated, folded at 75 octets without splitting a character."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return raw + b"\r\n"
    parts = []
    start, limit = 0, 75
    while len(raw) - start > limit:
        end = start + limit
        while raw[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back up to its start
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, 74  # continuation lines begin with a space
    parts.append(raw[start:])
    return b"\r\n ".join(parts) + b"\r\n"
