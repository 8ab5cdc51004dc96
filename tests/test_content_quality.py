"""Static checks over every built page of every language: links and anchors, headings, images."""

from __future__ import annotations

from pathlib import Path

from quality import broken_links, heading_problems, missing_alt_text


def test_every_internal_link_and_anchor_resolves(site: Path, site_url: str) -> None:
    assert broken_links(site, site_url) == []


def test_headings_start_at_h1_and_skip_no_level(site: Path) -> None:
    assert heading_problems(site) == []


def test_every_content_image_has_alt_text(site: Path) -> None:
    assert missing_alt_text(site) == []
