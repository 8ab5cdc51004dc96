"""Lines a reader can follow on a desktop: at most about 36 em. Measured in Chromium on every
page. (Text size, tables and sideways scrolling on a phone are `fedsite audit`'s walk, in
test_accessibility.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import html_pages, url_path

pytestmark = pytest.mark.browser

MEASURE = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const name = el => el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 30);
  return [...document.querySelectorAll('article :is(p, li)')]
    .filter(el => el.getBoundingClientRect().width / size(el) > 36.5)
    .map(name);
}"""


def measure_all(browser, server: str, site: Path, width: int) -> dict[str, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 800})
    results = {}
    for built in html_pages(site):
        path = url_path(site, built)
        page.goto(server + path.lstrip("/"))
        results[path] = page.evaluate(MEASURE)
    page.close()
    return results


def test_lines_stay_readable_on_a_desktop(browser, server: str, site: Path) -> None:
    results = measure_all(browser, server, site, 1440)
    assert {path: long for path, long in results.items() if long} == {}
