"""Phone numbers that editors write in running text become links that call them, as the data's
phone fields do: an editor writes "打 110" or "023-5812 3456" and a resident taps it. In the
pages' Markdown by a Python-Markdown tree processor, which sees text only: never code, never a
link's own text (an editor's [12338](tel:12338) stays as it is); in the data's texts by
`link_phones`, for the fields that are prose (never a title, which may be inside a link)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from functools import cache

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher, format_number

REGION = "CN"
# A run of digits long enough to be a phone number: most texts have none, and PhoneNumberMatcher
# need not read them.
_MAYBE = re.compile(r"\d[\d \u00a0()（）+＋\-－]{5,}\d")
# Where a number is never a link: in code, and in a link already.
_SKIP = {"a", "code", "pre", "script", "style", "kbd", "samp"}


@cache
def _short_pattern(short: frozenset[str]) -> re.Pattern | None:
    """The short public numbers (12338, 110) of the site's hotlines, not inside a longer run of
    digits: phonenumbers finds no short numbers in running text."""
    if not short:
        return None
    numbers = "|".join(re.escape(n) for n in sorted(short, key=len, reverse=True))
    return re.compile(rf"(?<![\d.])(?:{numbers})(?!\d)")


def find_phones(text: str, short: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, tel: URI) of every phone number in `text`: the ones phonenumbers'
    PhoneNumberMatcher takes as valid in China, however they are written (023-5812 3456,
    (023)58123456, +86 23 5812 3456, 023－58123456, 400-123-4567, 138 0013 8000), and the
    site's short numbers."""
    found = [
        (m.start, m.end, "tel:" + format_number(m.number, PhoneNumberFormat.E164))
        for m in (
            PhoneNumberMatcher(text, REGION, leniency=Leniency.VALID) if _MAYBE.search(text) else ()
        )
    ]
    if (pattern := _short_pattern(short)) is not None:
        for m in pattern.finditer(text):
            if not any(start < m.end() and m.start() < end for start, end, _ in found):
                found.append((m.start(), m.end(), f"tel:{m[0]}"))
    return sorted(found)


def link_phones(text: str, short: frozenset[str]) -> Markup:
    """Plain text as HTML, each phone number in it a link that calls it."""
    parts, last = [], 0
    for start, end, uri in find_phones(text, short):
        parts += [escape(text[last:start]), _link(uri, text[start:end])]
        last = end
    return Markup("").join([*parts, escape(text[last:])])


def _link(uri: str, written: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(uri, written)


class _PhoneLinks(Treeprocessor):
    """After Markdown's inline patterns: each text of the page outside code and links, with
    its numbers made links (a tree processor, as PhoneNumberMatcher looks at whole texts)."""

    def __init__(self, md: Markdown, short: frozenset[str]) -> None:
        super().__init__(md)
        self.short = short

    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _SKIP:
            return
        children = list(element)
        if element.text:
            element.text, made = self._split(element.text)
            for index, link in enumerate(made):
                element.insert(index, link)
        for child in children:
            self._walk(child)
            if child.tail:
                child.tail, made = self._split(child.tail)
                at = list(element).index(child) + 1
                for offset, link in enumerate(made):
                    element.insert(at + offset, link)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """`text` up to its first number, and the links (each with what follows as its
        tail)."""
        found = find_phones(text, self.short)
        if not found:
            return text, []
        links = []
        for index, (start, end, uri) in enumerate(found):
            link = etree.Element("a", {"href": uri})
            link.text = text[start:end]
            link.tail = text[end : found[index + 1][0] if index + 1 < len(found) else len(text)]
            links.append(link)
        return text[: found[0][0]], links


class PhoneLinksExtension(Extension):
    def __init__(self, short_numbers: Iterable[str] = (), **kwargs) -> None:
        self.short = frozenset(short_numbers)
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20): code spans and links are elements by then.
        md.treeprocessors.register(_PhoneLinks(md, self.short), "fedsite-phones", 15)
