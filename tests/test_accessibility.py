"""Every page of both languages passes axe-core (WCAG 2.1 A/AA and best practices) on a phone in
the light palette, where most residents are; and one page of every kind passes it on a desktop
screen and in the dark palette. Every page logs no error and requests no missing file.

The other screen and palette change the layout and the colours, not what a page holds, so
every kind of page (each template, each generated view) is enough there: axe on every page in
all four configurations took half the suite's time."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import html_pages, url_path
from quality import axe_violations

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
# One page of each kind, in both languages between them.
KINDS = [
    "",  # home
    "en/about/",  # a plain page
    "services/",  # a section's overview
    "en/services/legal-rights/",  # a service page with a warning box
    "campaigns/three-key/",
    "en/activities/",  # upcoming activities: event cards, feeds
    "activities/categories/",
    "en/activities/places/",
    "activities/past/",
    "en/activities/months/2026-12/",  # a month: the calendar table, cancelled and moved events
    "training/",  # courses and their sessions
    "en/womens-homes/",
    "news/",
    "en/news/2016-09-officials-training/",
    "contacts/",  # the directory
    "en/contacts/longju/",  # a township's page
    "safety/",
    "en/404.html",
]


def walk(browser, server: str, paths: list[str], screen: str, scheme: str, axe_source: str):
    """Open each page; return what axe and the browser console say."""
    # Material follows prefers-color-scheme until the visitor picks a palette.
    context = browser.new_context(viewport=SCREENS[screen], color_scheme=scheme)
    page = context.new_page()
    found: dict[str, list[str]] = {"axe": [], "errors": []}
    page.on(
        "console", lambda m: m.type == "error" and found["errors"].append(f"{page.url}: {m.text}")
    )
    page.on("pageerror", lambda e: found["errors"].append(f"{page.url}: {e}"))
    page.on("response", lambda r: r.status >= 400 and found["errors"].append(f"{r.status} {r.url}"))
    for path in paths:
        page.goto(server + path.lstrip("/"))
        found["axe"] += axe_violations(page, axe_source)
    context.close()
    return found


def test_every_page_passes_axe_on_a_phone(browser, server: str, site: Path, axe_source: str):
    paths = [url_path(site, p) for p in [*html_pages(site), site / "404.html"]]
    found = walk(browser, server, paths, "phone", "light", axe_source)
    assert found["axe"] == []
    assert found["errors"] == []


@pytest.mark.parametrize(
    ("screen", "scheme"), [("phone", "dark"), ("desktop", "light"), ("desktop", "dark")]
)
def test_every_kind_of_page_passes_axe_on_other_screens_and_palettes(
    browser, server: str, site: Path, axe_source: str, screen: str, scheme: str
) -> None:
    built = {url_path(site, p).lstrip("/") for p in html_pages(site)} | {"404.html", "en/404.html"}
    assert set(KINDS) <= built, set(KINDS) - built  # the sample is still the site's
    found = walk(browser, server, KINDS, screen, scheme, axe_source)
    assert found["axe"] == []
    assert found["errors"] == []
