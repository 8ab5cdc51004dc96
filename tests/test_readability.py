"""Plain-language basics a reader notices: text size on a phone, line length, and tables that
fit a 360 px screen without scrolling sideways. Measured in Chromium on every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import html_pages, url_path

pytestmark = pytest.mark.browser

MEASURE = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const name = el => el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 30);
  const text = [...document.querySelectorAll('article :is(p, li, td, th, dd)')];
  return {
    small: text.filter(el => size(el) < 16).map(el => name(el) + ' (' + size(el) + 'px)'),
    long: text.filter(el => el.tagName === 'P' || el.tagName === 'LI')
      .filter(el => el.getBoundingClientRect().width / size(el) > 36.5)
      .map(name),
    wideTables: [...document.querySelectorAll('article table')]
      .filter(t => t.scrollWidth > t.clientWidth + 1
        || t.getBoundingClientRect().right > innerWidth)
      .map(name),
    sideways: document.documentElement.scrollWidth > innerWidth,
  };
}"""


def measure_all(browser, server: str, site: Path, width: int) -> dict[str, dict]:
    page = browser.new_page(viewport={"width": width, "height": 800})
    results = {}
    for built in html_pages(site):
        path = url_path(site, built)
        page.goto(server + path.lstrip("/"))
        results[path] = page.evaluate(MEASURE)
    page.close()
    return results


@pytest.fixture(scope="module")
def on_phone(browser, server: str, site: Path) -> dict[str, dict]:
    return measure_all(browser, server, site, 360)


def test_body_text_is_at_least_16px_on_a_phone(on_phone) -> None:
    assert {path: r["small"] for path, r in on_phone.items() if r["small"]} == {}


def test_tables_fit_a_360px_screen(on_phone) -> None:
    assert {path: r["wideTables"] for path, r in on_phone.items() if r["wideTables"]} == {}
    assert [path for path, r in on_phone.items() if r["sideways"]] == []


def test_lines_stay_readable_on_a_desktop(browser, server: str, site: Path) -> None:
    results = measure_all(browser, server, site, 1440)
    assert {path: r["long"] for path, r in results.items() if r["long"]} == {}
