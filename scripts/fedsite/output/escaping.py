"""Escaping by context for text from editors (data, ui.yml, front matter, mkdocs.yml).

HTML the engine writes comes from Jinja macros with autoescaping (templates.py). What is left:
text that becomes Markdown (the headings of generated pages, which the table of contents
lists), and values handed to MkDocs' theme templates, which do not autoescape."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markupsafe import escape

# Python-Markdown's backslash-escapable characters with the site's extensions
# (markdown.Markdown(...).ESCAPED_CHARS; tables adds "|"). Written by hand: Python-Markdown has
# no escaping function of its own.
_MARKDOWN_SPECIAL = re.compile(r"([!#()*+\-.>\[\\\]_`{|}])")
_ANCHOR = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as itself, on one line: no HTML, no links, no emphasis, no
    attribute lists, no second line that could start a block of its own."""
    text = " ".join(text.split())
    # Entities first (Markdown passes them through), then the Markdown punctuation.
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_heading(level: int, text: str, anchor: str = "") -> str:
    """A Markdown heading showing `text`, with an id from the data (checked by the schemas)."""
    if anchor and not _ANCHOR.fullmatch(anchor):
        raise ValueError(f"not an anchor: {anchor!r}")
    return "#" * level + " " + markdown_text(text) + (f" {{#{anchor}}}" if anchor else "")


def html_values(value: Any) -> Any:
    """The value with every string in it escaped for HTML (text and quoted attributes), as
    Markup, so a theme template prints it safely whether or not it remembers `|e`."""
    if isinstance(value, str):
        return escape(value)  # Markup is returned as it is: escaping twice is a no-op
    if isinstance(value, Mapping):
        return {key: html_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(html_values(item) for item in value)
    return value


def escape_titles(items) -> None:
    """Navigation items' titles (and their children's) escaped in place: those given in
    mkdocs.yml, set on the item itself; a page's own title comes from its escaped front
    matter or its heading."""
    for item in items:
        if isinstance(vars(item).get("title"), str):
            item.title = html_values(item.title)
        escape_titles(getattr(item, "children", None) or [])
