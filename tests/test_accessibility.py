"""axe-core (WCAG 2.1 A/AA and best practices) on every page of both languages, on a phone and
a desktop screen, in the light and the dark palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import html_pages, url_path
from quality import axe_violations

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_axe_violations_on_any_page(
    browser, server: str, site: Path, axe_source: str, screen: str, scheme: str
) -> None:
    # Material follows prefers-color-scheme until the visitor picks a palette.
    context = browser.new_context(viewport=SCREENS[screen], color_scheme=scheme)
    page = context.new_page()
    violations = []
    pages = [*html_pages(site), site / "404.html", site / "en/404.html"]
    for built in pages:
        page.goto(server + url_path(site, built).lstrip("/"))
        violations += axe_violations(page, axe_source)
    context.close()
    assert violations == []
