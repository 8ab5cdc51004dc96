"""Quick exit in headless Chromium, as a woman would use it when someone walks in: the button
and Shift pressed three times leave at once for the neutral site; the page is blank before the
neutral site has even answered; Back does not bring the page back; it works without the
theme's JavaScript (and, as a plain link, without any JavaScript); screen readers hear what
is happening in the page's language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NEUTRAL_PAGE = "<!doctype html><title>Weather</title><p>Neutral site</p>"


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    yield context
    context.close()


def exit_url(page) -> str:
    return page.get_attribute("#fs-quick-exit", "href")


def stand_in_for_neutral_site(context, url: str, held: list | None = None) -> None:
    """The neutral site is on the internet; the test answers for it (or holds its answer)."""

    def answer(route):
        if held is not None:
            held.append(route)
        else:
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    context.route(url + "**", answer)


def open_two_pages(context, server: str, second: str = "en/contacts/"):
    """She came to the home page, then the page she is reading when someone walks in."""
    page = context.new_page()
    page.goto(server)
    page.goto(server + second)
    stand_in_for_neutral_site(context, exit_url(page))
    return page


def leave_with(page, server: str, action) -> None:
    """Do `action`; she must land on the neutral site, and Back must skip the page she left."""
    left, neutral = page.url, exit_url(page)
    action(page)
    page.wait_for_url(neutral + "**")
    assert "Neutral site" in page.content()
    page.go_back()
    page.wait_for_load_state()
    assert page.url != left, "Back brought the page back"
    assert page.url == server  # the page before it, as after any location.replace


def test_the_button_leaves_and_back_does_not_return(context, server: str) -> None:
    page = open_two_pages(context, server)
    leave_with(page, server, lambda p: p.click("#fs-quick-exit"))


def test_shift_three_times_leaves_and_back_does_not_return(context, server: str) -> None:
    page = open_two_pages(context, server, "safety/")

    def press(p):
        for _ in range(3):
            p.keyboard.press("Shift")

    leave_with(page, server, press)


def test_the_button_is_reachable_by_keyboard(context, server: str) -> None:
    page = open_two_pages(context, server, "services/")

    def by_keyboard(p):
        for _ in range(30):
            p.keyboard.press("Tab")
            if p.evaluate("document.activeElement.id === 'fs-quick-exit'"):
                break
        else:
            pytest.fail("Tab never reached the exit button")
        p.keyboard.press("Enter")

    leave_with(page, server, by_keyboard)


def test_typing_capital_letters_does_not_leave(context, server: str) -> None:
    page = open_two_pages(context, server, "en/")
    for letter in "ABC":
        page.keyboard.press(f"Shift+{letter}")
    page.wait_for_timeout(300)
    assert page.url == server + "en/"


def test_shift_in_a_text_field_is_typing_not_leaving(context, server: str) -> None:
    """Chinese input methods switch modes with Shift: in the search box it is typing."""
    page = open_two_pages(context, server, "")
    page.set_viewport_size({"width": 1280, "height": 900})  # the search box is in the header
    page.focus("input.md-search__input")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == server


def test_the_page_is_blank_before_the_neutral_site_answers(context, server: str) -> None:
    page = context.new_page()
    page.goto(server + "services/legal-rights/")
    held: list = []
    stand_in_for_neutral_site(context, exit_url(page), held)
    # Look at the page in the same task as the click: the navigation has started, and this
    # is what stays on screen until the neutral site answers. (Chromium runs nothing in a
    # page whose navigation is held, so it cannot be looked at later.)
    seen = page.evaluate(
        """() => {
            document.querySelector('#fs-quick-exit').click();
            return {
                shown: [...document.body.children]
                    .filter(e => getComputedStyle(e).display !== 'none')
                    .map(e => e.getAttribute('role') || e.tagName),
                text: document.body.innerText.trim(),
                title: document.title,
                at: location.pathname,
            };
        }"""
    )
    assert seen["at"] == "/services/legal-rights/"  # still our page: nothing has loaded yet
    assert seen["shown"] == ["alert"]  # everything hidden but the screen reader message
    assert seen["text"] == "正在离开本页"
    assert seen["title"] == ""
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the browser never asked for the neutral site"
    held[0].fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
    page.wait_for_url(held[0].request.url)


def test_it_works_without_the_themes_javascript(context, server: str) -> None:
    context.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    page = open_two_pages(context, server, "en/safety/")
    assert page.evaluate("typeof window.document$") == "undefined"  # Material did not load
    leave_with(page, server, lambda p: p.click("#fs-quick-exit"))


def test_shift_works_while_the_themes_javascript_is_still_loading(context, server) -> None:
    """On a slow connection Material's bundle (at the end of the page) arrives last: the quick
    exit must already listen while the rest of the page is still coming in."""
    held: list = []
    context.route("**/assets/javascripts/bundle.*", lambda route: held.append(route))
    page = context.new_page()
    stand_in_for_neutral_site(context, "https://www.weather.com.cn/")
    page.goto(server + "en/contacts/", wait_until="commit")
    page.wait_for_selector("#fs-quick-exit", state="attached")
    for _ in range(50):  # until the parser waits for the bundle
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the page never asked for Material's bundle"
    assert page.evaluate("typeof window.document$") == "undefined"  # it has not run
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.weather.com.cn/**")
    assert "Neutral site" in page.content()


def test_without_any_javascript_it_is_still_a_link_to_the_neutral_site(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "contacts/")
        url = exit_url(page)
        stand_in_for_neutral_site(context, url)
        page.click("#fs-quick-exit")
        page.wait_for_url(url + "**")
        assert "Neutral site" in page.content()
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "first", "second"),
    [
        ("contacts/", "再按两下", "再按一下"),
        ("en/contacts/", "Press it 2 more times", "Press Shift 1 more time"),
    ],
)
def test_screen_readers_hear_each_press_in_the_page_language(
    context, server: str, path: str, first: str, second: str
) -> None:
    page = context.new_page()
    page.goto(server + path)
    status = "#fs-quick-exit-status"
    assert page.get_attribute(status, "aria-live") == "polite"
    page.keyboard.press("Shift")
    assert first in page.inner_text(status)
    page.keyboard.press("Shift")
    assert second in page.inner_text(status)


# Whatever is open on the page, the exit is one tap away: what she did (with display settings
# she chose first), and on which screens.
STATES = {
    "search": ((), (360, 1280)),
    "menu": ((), (360,)),  # a desktop shows the navigation as tabs: there is no menu
    "larger text and search": (("text",), (360, 1280)),
    "high contrast and search": (("contrast",), (360, 1280)),
}


def open_state(page, state: str, phone: bool, query: str) -> None:
    for setting in STATES[state][0]:
        page.click(f"[data-fs-display='{setting}']")
    if state == "menu":
        page.click(".fs-menu-button")
        page.wait_for_function("document.getElementById('__drawer').checked")
        return
    page.click(".md-header__button[for='__search']" if phone else "input.md-search__input")
    page.locator("input.md-search__input").press_sequentially(query)
    page.wait_for_selector(".md-search-result__item")


SCREENS = [(state, width) for state, (_, widths) in STATES.items() for width in widths]


@pytest.mark.parametrize("home", ["", "en/"])
@pytest.mark.parametrize(("state", "width"), SCREENS)
def test_one_tap_leaves_whatever_is_open(browser, server: str, state, width, home) -> None:
    phone = width < 1000
    context = browser.new_context(viewport={"width": width, "height": 740 if phone else 900})
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        refused: list[str] = []  # the policy refusing anything the theme or the site needs
        page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else 0)
        page.goto(server + home)
        page.goto(server + home + "services/")
        stand_in_for_neutral_site(context, exit_url(page))
        open_state(page, state, phone, "abuse" if home else "家暴")
        assert refused == []
        # Playwright clicks only what a finger would reach: it fails if anything covers it.
        leave_with(page, server + home, lambda p: p.click("#fs-quick-exit", timeout=3000))
    finally:
        context.close()
