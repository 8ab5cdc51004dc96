"""Every page of both languages passes `fedsite audit`'s walk (axe-core's WCAG 2.1 A/AA and
best-practice rules, no console error, no missing file, no request to another host, text of
16 px and tables that fit, no sideways scrolling) on a phone in the light palette, where most
residents are; and one page of every kind passes axe on a desktop screen and in the dark palette.

The other screen and palette change the layout and the colours, not what a page holds, so
every kind of page (each template, each generated view) is enough there: axe on every page in
all four configurations took half the suite's time."""

from __future__ import annotations

from pathlib import Path

import pytest
from fedsite.audit.browser_walk import Walk
from pages import html_pages, url_path

pytestmark = pytest.mark.browser

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


def test_every_page_passes_the_walk_on_a_phone(browser, server: str, site: Path, axe_source: str):
    paths = [url_path(site, p) for p in [*html_pages(site), site / "404.html"]]
    walk = Walk(browser, server, axe_source)
    walk.pages(paths, "phone", "light")
    assert walk.problems == []


@pytest.mark.parametrize(
    ("screen", "scheme"), [("phone", "dark"), ("desktop", "light"), ("desktop", "dark")]
)
def test_every_kind_of_page_passes_axe_on_other_screens_and_palettes(
    browser, server: str, site: Path, axe_source: str, screen: str, scheme: str
) -> None:
    built = {url_path(site, p).lstrip("/") for p in html_pages(site)} | {"404.html", "en/404.html"}
    assert set(KINDS) <= built, set(KINDS) - built  # the sample is still the site's
    walk = Walk(browser, server, axe_source)
    walk.pages(KINDS, screen, scheme)
    assert walk.problems == []
