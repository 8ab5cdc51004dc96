"""Reading the built site: its pages, their language and their parsed HTML."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

# What the issue asks of the output: Chinese at /, English at /en/.
LANGUAGES = {"zh-Hans": "", "en": "en/"}
HAN = re.compile(r"[\u3400-\u9fff]")


POSTERS = "activities/posters"  # printable documents of their own, outside the theme


def html_pages(site: Path) -> list[Path]:
    """Every built content page (not the 404 pages, not the posters, not Material's assets)."""
    return sorted(
        path
        for path in site.rglob("*.html")
        if path.name != "404.html"
        and "assets" not in path.relative_to(site).parts
        and not path.relative_to(site).as_posix().startswith(POSTERS)
    )


def posters(site: Path) -> list[Path]:
    return sorted((site / POSTERS).rglob("*.html"))


def url_path(site: Path, page: Path) -> str:
    """'/en/about/' for site/en/about/index.html."""
    rel = page.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


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


@cache
def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")


def resolve(site: Path, page: Path, href: str) -> str:
    """A link's target as a URL path on the site ('' when it leaves the site)."""
    base = "http://site" + url_path(site, page)
    target = urlsplit(urljoin(base, href))
    return target.path if target.netloc == "site" else ""


def file_for(site: Path, path: str) -> Path:
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target
