"""Phone numbers that editors write in running text become links that call them, as the data's
phone fields do: an editor writes "打 110" or "023-5812 3456" and a resident taps it. In the
pages' Markdown by a Python-Markdown inline pattern, which sees text only: never code, never a
link's own text (an editor's [12338](tel:12338) stays as it is); in the data's texts by
`link_phones`, for the fields that are prose (never a title, which may be inside a link)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from functools import cache

import phonenumbers
from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markupsafe import Markup, escape

REGION = "CN"
# Mainland numbers as people write them: a mobile (138 0013 8000), or a landline with its area
# code (023-5812 3456). Not preceded or followed by a digit, so years and ids are left alone.
_NUMBERS = r"1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{3,4}[ -]?\d{4}"


@cache
def phone_pattern(short: frozenset[str]) -> str:
    """The numbers to link; `short` are the short public numbers (12338, 110) of the site's
    hotlines: no pattern can tell them from any other three or five digits."""
    numbers = "|".join([_NUMBERS, *(re.escape(n) for n in sorted(short, key=len, reverse=True))])
    return rf"(?<![\d.])(?P<number>{numbers})(?![\d])"


def link_for(written: str, short: frozenset[str]) -> str | None:
    return f"tel:{written}" if written in short else tel_uri(written)


def link_phones(text: str, short: frozenset[str]) -> Markup:
    """Plain text as HTML, each phone number in it a link that calls it."""
    parts, last = [], 0
    for match in re.finditer(phone_pattern(short), text):
        uri = link_for(match["number"], short)
        if uri is not None:
            parts += [escape(text[last : match.start()]), _link(uri, match["number"])]
            last = match.end()
    return Markup("").join([*parts, escape(text[last:])])


def _link(uri: str, written: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(uri, written)


def tel_uri(written: str) -> str | None:
    """The tel: URI of a number as written, or None if it is no number in China."""
    try:
        number = phonenumbers.parse(written, REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class _PhoneLinks(InlineProcessor):
    ANCESTOR_EXCLUDES = ("a",)

    def __init__(self, pattern: str, short: frozenset[str], md: Markdown) -> None:
        super().__init__(pattern, md)
        self.short = short

    def handleMatch(self, m: re.Match, data: str):
        written = m.group("number")
        uri = link_for(written, self.short)
        if uri is None:
            return None, None, None
        link = etree.Element("a", {"href": uri})
        link.text = written
        return link, m.start(0), m.end(0)


class PhoneLinksExtension(Extension):
    def __init__(self, short_numbers: Iterable[str] = (), **kwargs) -> None:
        self.short = frozenset(short_numbers)
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        pattern = phone_pattern(self.short)
        # After the escapes, code spans and links (their priorities are 180 to 160).
        md.inlinePatterns.register(_PhoneLinks(pattern, self.short, md), "fedsite-phones", 25)
