"""Every page of both languages, on a phone and a desktop screen, in the light and the dark
palette: axe-core (WCAG 2.1 A/AA and best practices) finds nothing, and the page logs no
error and requests no missing file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import html_pages, url_path
from quality import axe_violations

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
CONFIGS = [(screen, scheme) for screen in SCREENS for scheme in ("light", "dark")]


@pytest.mark.parametrize(("screen", "scheme"), CONFIGS)
def test_every_page_passes_axe_and_logs_no_error(
    browser, server: str, site: Path, axe_source: str, screen: str, scheme: str
) -> None:
    """Open every page; collect what axe and the browser console say."""
    # Material follows prefers-color-scheme until the visitor picks a palette.
    context = browser.new_context(viewport=SCREENS[screen], color_scheme=scheme)
    page = context.new_page()
    found: dict[str, list[str]] = {"axe": [], "errors": []}
    page.on(
        "console", lambda m: m.type == "error" and found["errors"].append(f"{page.url}: {m.text}")
    )
    page.on("pageerror", lambda e: found["errors"].append(f"{page.url}: {e}"))
    page.on("response", lambda r: r.status >= 400 and found["errors"].append(f"{r.status} {r.url}"))
    for built in [*html_pages(site), site / "404.html", site / "en/404.html"]:
        path = url_path(site, built)
        page.goto(server + path.lstrip("/"))
        found["axe"] += axe_violations(page, axe_source)
    context.close()
    assert found["axe"] == []
    assert found["errors"] == []
