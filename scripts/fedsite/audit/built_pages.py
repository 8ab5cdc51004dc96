"""Reading a built site: its pages, their addresses and their parsed HTML."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup

POSTERS = "activities/posters"  # printable documents of their own, outside the theme


def html_pages(site: Path) -> list[Path]:
    """Every built content page (not the 404 pages, not the posters, not the theme's assets)."""
    return sorted(
        path
        for path in site.rglob("*.html")
        if path.name != "404.html"
        and "assets" not in path.relative_to(site).parts
        and not path.relative_to(site).as_posix().startswith(POSTERS)
        and not path.is_symlink()
    )


def url_path(site: Path, page: Path) -> str:
    """'/en/about/' for site/en/about/index.html."""
    rel = page.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def file_for(site: Path, path: str) -> Path:
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


@lru_cache(maxsize=4096)
def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
