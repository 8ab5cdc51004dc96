"""Reading the built site: its pages, their language and their parsed HTML (the pages, their
addresses and their HTML as `fedsite audit` reads them)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from fedsite.audit.built_pages import POSTERS, file_for, html_pages, soup, url_path

__all__ = [
    "HAN",
    "LANGUAGES",
    "counterpart",
    "file_for",
    "html_pages",
    "language_of",
    "posters",
    "resolve",
    "soup",
    "url_path",
]

# What the issue asks of the output: Chinese at /, English at /en/.
LANGUAGES = {"zh-Hans": "", "en": "en/"}
HAN = re.compile(r"[\u3400-\u9fff]")


def posters(site: Path) -> list[Path]:
    return sorted((site / POSTERS).rglob("*.html"))


def language_of(site: Path, page: Path) -> str:
    """The language a page is published in, from its folder."""
    first = page.relative_to(site).parts[0] + "/"
    return next((tag for tag, prefix in LANGUAGES.items() if prefix == first), "zh-Hans")


def counterpart(path: str, tag: str) -> str:
    """The same page's URL path in another language: '/about/' -> '/en/about/'."""
    for prefix in LANGUAGES.values():
        if prefix and path.startswith("/" + prefix):
            path = "/" + path[len(prefix) + 1 :]
    return "/" + LANGUAGES[tag] + path.lstrip("/")


def resolve(site: Path, page: Path, href: str) -> str:
    """A link's target as a URL path on the site ('' when it leaves the site)."""
    base = "http://site" + url_path(site, page)
    target = urlsplit(urljoin(base, href))
    return target.path if target.netloc == "site" else ""
