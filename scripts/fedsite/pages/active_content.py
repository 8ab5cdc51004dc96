"""What a page an editor writes may not hold, read from the HTML Markdown makes of it (attr_list
and raw HTML both end there): nothing that runs or loads on its own. No <script> of any kind
(a same-origin script file would run, and could replace the site's service worker), no frames,
objects or embeds, no <base>, <meta>, <link> or <form>, no event handler, no javascript: address,
no style of its own (the policy applies none: a hidden quick exit must not be one edit away),
and no image or media file from another host (the site makes no request to a third party).

Each finding is a Problem at the line of the page's source where it is written: the build
stops on them, and the preview names them above its pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from fedsite.environment.source_files import SCRIPT_FOLDER
from fedsite.messages.problems import Problem, shorten

FRAMES = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal"}
PAGE_LEVEL = {"base", "meta", "link", "form"}
MEDIA = {"img", "video", "audio", "source", "track", "input", "picture", "image"}
MEDIA_URLS = {"src", "srcset", "poster", "data", "href", "xlink:href"}
SCRIPT_URL = re.compile(r"(javascript|vbscript):|data:text/html", re.I)
# What HTMLParser might read otherwise than a browser does (`<script/src=x>`, a tag split by a
# comment): found by its text as well.
_TAGS = sorted({"script", "style", *FRAMES, *PAGE_LEVEL})
_TAG_TEXT = re.compile(rf"<\s*({'|'.join(_TAGS)})\b", re.I)


@dataclass(frozen=True)
class Found:
    kind: str  # what it is: its message is pages.active.<kind> in the catalogue
    needle: str  # the text in the page's source that writes it, to find its line
    values: tuple[tuple[str, str], ...] = ()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Found] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append(Found("script", "<script"))
        elif tag in FRAMES:
            self.found.append(Found("frame", f"<{tag}", (("tag", tag),)))
        elif tag in PAGE_LEVEL:
            self.found.append(Found("page", f"<{tag}", (("tag", tag),)))
        elif tag == "style":
            self.found.append(Found("style", "<style", (("what", "<style>"),)))
        for name, value in attrs:
            value = value or ""
            compact = "".join(value.split())
            if name.startswith("on"):
                self.found.append(Found("handler", name, (("name", name),)))
            elif name == "style" and tag in ("th", "td") and "text-align" in value:
                self.found.append(Found("align", "-:" if "right" in value else ":-"))
            elif name == "style":
                what = f'style="{shorten(value, 30)}"'
                self.found.append(Found("style", "style=", (("what", what),)))
            elif scheme := SCRIPT_URL.match(compact):
                self.found.append(Found("url", scheme[0], (("value", shorten(value, 30)),)))
            elif tag in MEDIA and name in MEDIA_URLS and _remote(value, srcset=name == "srcset"):
                first = value.split(",")[0].split()[0]
                self.found.append(Found("remote", first, (("value", shorten(value, 40)),)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _remote(value: str, *, srcset: bool) -> bool:
    urls = [part.split()[0] for part in value.split(",") if part.strip()] if srcset else [value]
    for url in urls:
        parts = urlsplit(url.strip())
        if parts.netloc or (parts.scheme and parts.scheme != "data"):
            return True
    return False


def active_content(html: str) -> list[Found]:
    """What `html` holds that a page may not, in order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    found = reader.found
    seen = {f.needle.lower() for f in found}
    for match in _TAG_TEXT.finditer(html):  # anything the parser read otherwise
        needle = "<" + match[1].lower()
        if needle not in seen:
            kind = "script" if needle == "<script" else "style" if needle == "<style" else "page"
            tag = match[1].lower()
            kind = "frame" if tag in FRAMES else kind
            found.append(Found(kind, needle, (("tag", tag), ("what", f"<{tag}>"))))
            seen.add(needle)
    return found


def page_problems(html: str, source: Path) -> list[Problem]:
    """The findings in a page's HTML (the editor's part: before the engine's blocks go in), as
    problems at the lines of `source` (its Markdown file) that write them."""
    found = active_content(html)
    if not found:
        return []
    try:
        lines = source.read_text(encoding="utf-8-sig").lower().split("\n")
    except (OSError, UnicodeDecodeError):
        lines = []
    problems: list[Problem] = []
    used: dict[str, int] = {}
    for item in found:
        at = [n for n, line in enumerate(lines, 1) if item.needle.lower() in line]
        index = used.get(item.needle, 0)
        used[item.needle] = index + 1
        line = at[min(index, len(at) - 1)] if at else 0
        values = {"folder": SCRIPT_FOLDER, **dict(item.values)}
        problem = Problem.at(source, line, 0, "", f"pages.active.{item.kind}", **values)
        if problem not in problems:  # a table's every aligned cell, say
            problems.append(problem)
    return sorted(problems, key=lambda problem: problem.line)
