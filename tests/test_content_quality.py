"""Static checks over every built page of every language: links and anchors, headings, images."""

from __future__ import annotations

import re
from pathlib import Path

from pages import html_pages, soup, url_path
from quality import broken_links, heading_problems, missing_alt_text


def test_every_internal_link_and_anchor_resolves(site: Path, site_url: str) -> None:
    assert broken_links(site, site_url) == []


def test_headings_start_at_h1_and_skip_no_level(site: Path) -> None:
    assert heading_problems(site) == []


def test_every_content_image_has_alt_text(site: Path) -> None:
    assert missing_alt_text(site) == []


def test_no_page_shows_its_front_matter_as_text(site: Path) -> None:
    """Front matter MkDocs could not read turns into a rule and a heading 'description: ...'."""
    shown = [
        f"{url_path(site, page)}: {element.name} {element.get_text()[:40]!r}"
        for page in html_pages(site)
        for element in soup(page).select("article :is(h1, h2, h3, h4, h5, h6, p)")
        if re.match(r"\s*(description|title|sensitive|template|hide)\s*:", element.get_text())
    ]
    assert shown == []
