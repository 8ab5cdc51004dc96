"""Headless Chromium on the built site: the language switcher, search, and no third parties."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, server: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requested = []  # every URL the page asked for
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()


def switch_language(page, name: str) -> None:
    """The switch is the other language's name, in words, in the header: one tap."""
    page.locator(".fs-language").get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("path", ["", "services/legal-rights/"])
def test_switcher_leads_to_the_same_page_in_english_and_back(page, server: str, path: str):
    page.goto(server + path)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    switch_language(page, "English")
    assert page.url == f"{server}en/{path}"
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "中文")
    assert page.url == server + path


def test_pages_request_nothing_from_other_hosts(page, server: str):
    for path in ["", "en/", "contacts/", "en/services/"]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in page.requested if url.startswith("http")}
    assert hosts == {urlsplit(server).netloc}


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [("", "维权", "/services/legal-rights/"), ("en/", "rights", "/en/services/legal-rights/")],
)
def test_search_finds_pages_in_the_page_language(page, server, path, query, expected):
    page.goto(server + path)
    ready = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    page.click("input.md-search__input")  # in the header at desktop width
    # A query typed before the search worker has loaded its index is dropped: wait for it.
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() === t", arg=ready
    )
    page.locator("input.md-search__input").press_sequentially(query)
    # Material searches on keyup; Playwright types Han characters as text input without key
    # events (as an IME's candidate list does), so end with a real key press as a person would.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [urlsplit(h).path for h in results.evaluate_all("as => as.map(a => a.href)")]
    assert expected in hrefs, hrefs
