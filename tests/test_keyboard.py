"""The keyboard path: skip link, visible focus on every stop, the language switcher, search and
the menu, on a phone and a desktop screen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}

# What has focus, and whether a person can see it: the focused element (or, for Material's
# visually hidden palette radio, the label beside it) is on screen and has a 2px+ outline.
FOCUS = """() => {
  const el = document.activeElement;
  let shown = el;
  const next = el.nextElementSibling;
  if (el.getBoundingClientRect().width === 0 && next && next.tagName === 'LABEL') shown = next;
  const r = shown.getBoundingClientRect();
  const s = getComputedStyle(shown);
  return {
    tag: el.tagName.toLowerCase(),
    cls: el.className,
    name: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
    href: el.getAttribute('href'),
    switcher: el.closest('.fs-language') !== null,
    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.left < innerWidth && getComputedStyle(shown).visibility !== 'hidden',
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
  };
}"""


@pytest.fixture(params=list(SCREENS))
def page(request, browser, server: str):
    context = browser.new_context(viewport=SCREENS[request.param])
    page = context.new_page()
    yield page
    context.close()


def tab_until(page, wanted, limit: int = 60) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if wanted(focus):
            return focus
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_first_tab_stop_is_a_visible_skip_link(page, server: str) -> None:
    page.goto(server + "contacts/")
    page.keyboard.press("Tab")
    focus = page.evaluate(FOCUS)
    assert "md-skip" in focus["cls"] and focus["visible"] and focus["outline"], focus
    page.keyboard.press("Enter")
    target = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert target and page.locator(f"[id='{target}']").count() == 1


@pytest.mark.parametrize("path", ["", "en/services/legal-rights/"])
def test_every_tab_stop_shows_focus(page, server: str, path: str) -> None:
    page.goto(server + path)
    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["tag"] == "body":
            break
        seen.append(focus)
    invisible = [f for f in seen if not (f["visible"] and f["outline"])]
    assert len(seen) > 10
    assert invisible == []


def test_language_switcher_by_keyboard(page, server: str) -> None:
    page.goto(server + "services/health/")
    tab_until(page, lambda f: f["switcher"] and f["name"] == "English")
    page.keyboard.press("Enter")
    page.wait_for_url(server + "en/services/health/")


def test_search_by_keyboard(page, server: str) -> None:
    page.goto(server + "en/")
    tab_until(page, lambda f: "md-search__input" in f["cls"])
    ready = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
        arg=ready,
    )
    page.keyboard.type("hotline")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    assert results.first.is_visible()


def test_menu_opens_and_closes_by_keyboard_on_a_phone(browser, server: str) -> None:
    page = browser.new_page(viewport=SCREENS["phone"])  # the menu button shows on phones only
    page.goto(server + "en/")
    button = tab_until(page, lambda f: f["name"] == "Navigation")
    assert button["visible"] and button["outline"]
    page.keyboard.press("Enter")
    # Focus moves into the menu once it has slid in.
    # (A function, not an expression: Playwright evaluates expressions with eval, which the
    # page's Content-Security-Policy forbids.)
    page.wait_for_function(
        "() => document.activeElement.closest('nav.md-nav--primary') !== null"
        " && document.activeElement.getBoundingClientRect().left >= 0"
    )
    focus = page.evaluate(FOCUS)
    assert focus["visible"] and focus["outline"], focus
    page.keyboard.press("Escape")
    assert page.evaluate(FOCUS)["name"] == "Navigation"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    page.close()
