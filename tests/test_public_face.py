"""The site as a resident meets it, on a 360 x 780 phone and a 1280 x 900 desktop, in both
languages: tasks and what's on from the first screens of the home page, help that covers no
text, the name in full, the language switch in words, larger text and high contrast on
request, one voice in Chinese, GOV.UK dates in English, and weeks that start on Monday."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pages import LANGUAGES, html_pages, language_of, soup, url_path

SCREENS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}
HOMES = {"zh-Hans": "", "en": "en/"}
# Pages of each kind, to look at in the browser (every page is looked at in the static tests).
SAMPLE = [
    "",
    "help/",
    "services/legal-rights/",
    "activities/",
    "training/",
    "contacts/",
    "contacts/longju/",
    "safety/",
]


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    context = browser.new_context(viewport=SCREENS[request.param])
    page = context.new_page()
    page.screen_name = request.param
    yield page
    context.close()


# -- The home page ------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("home", list(HOMES.values()))
def test_home_reaches_tasks_and_whats_on_from_the_first_screens(screen, server, home) -> None:
    screen.goto(server + home)
    height = SCREENS[screen.screen_name]["height"]
    tasks = screen.evaluate(
        """h => [...document.querySelectorAll('a.fs-task')]
            .filter(a => a.getBoundingClientRect().bottom <= h).length""",
        height,
    )
    assert tasks >= 4, f"{tasks} task areas on the first screen"
    first_activity = screen.evaluate(
        "() => document.querySelector('.fs-agenda li').getBoundingClientRect().top"
    )
    assert first_activity < 2 * height, "no activity on the first two screens"


def test_home_lists_only_recent_news(site: Path) -> None:
    """The only news item is from 2016: the home page shows no news, and says nothing of it."""
    for home in HOMES.values():
        page = soup(site / home / "index.html")
        assert page.select_one("#news") is None
        assert "2016" not in page.select_one("article").get_text()


# -- Help covers nothing; the name is whole; the switch is in words ------------------------


FLOATING = """() => {
  const text = document.querySelector('.md-content').getBoundingClientRect();
  const over = r => r.left < text.right && r.right > text.left
    && r.top < Math.min(text.bottom, innerHeight) && r.bottom > Math.max(text.top, 0);
  return [...document.querySelectorAll('body *')].filter(el => {
    const s = getComputedStyle(el);
    if (s.position !== 'fixed' && s.position !== 'sticky') return false;
    if (s.display === 'none' || s.visibility === 'hidden') return false;
    if (parseFloat(s.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.width < innerWidth - 1 && over(r);
  }).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
}"""


@pytest.mark.browser
def test_nothing_narrower_than_the_screen_floats_over_text(screen, server) -> None:
    found = {}
    for home in HOMES.values():
        for path in SAMPLE:
            screen.goto(server + home + path)
            screen.mouse.wheel(0, 600)  # Material shows some things only after scrolling
            screen.wait_for_timeout(100)
            if floating := screen.evaluate(FLOATING):
                found[home + path] = floating
    assert found == {}


@pytest.mark.browser
def test_the_header_keeps_the_name_and_words_for_the_other_language(screen, server) -> None:
    for tag, home in HOMES.items():
        for path in ("", "services/legal-rights/"):
            screen.goto(server + home + path)
            facts = screen.evaluate(
                """() => {
                  const name = [...document.querySelectorAll('.fs-name span')]
                    .find(el => el.getClientRects().length);
                  const r = name.getBoundingClientRect();
                  const others = [...document.querySelectorAll(
                    '.md-header__inner > :not(.md-header__title)')]
                    .filter(el => el.getClientRects().length)
                    .map(el => el.getBoundingClientRect());
                  const switcher = document.querySelector('.fs-language__link');
                  const s = switcher.getBoundingClientRect();
                  return {
                    text: name.textContent.trim(),
                    cut: name.scrollWidth > name.clientWidth + 1 || r.right > innerWidth,
                    overlaps: others.some(o => o.left < r.right - 1 && o.right > r.left + 1
                      && o.top < r.bottom - 1 && o.bottom > r.top + 1),
                    switcher: switcher.innerText.trim(),
                    switcherShown: s.width > 0 && s.height >= 40 && s.right <= innerWidth,
                  };
                }"""
            )
            assert facts["text"] and not facts["cut"], (home + path, facts)
            assert not facts["overlaps"], (home + path, facts)
            assert facts["switcher"] == ("English" if tag == "zh-Hans" else "中文"), facts
            assert facts["switcherShown"], facts


@pytest.mark.browser
def test_help_bar_targets_are_44px_and_fit_one_row_on_a_phone(browser, server) -> None:
    context = browser.new_context(viewport=SCREENS["phone"])
    page = context.new_page()
    for home in HOMES.values():
        page.goto(server + home)
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('.fs-help a')]
                .map(a => a.getBoundingClientRect()).map(r => [r.height, r.top])"""
        )
        assert all(height >= 43.5 for height, _ in sizes), sizes
        assert len({round(top) for _, top in sizes}) == 1, "the help bar wraps onto two rows"
    context.close()


# -- Larger text and high contrast ----------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(("home", "label"), [("", "大字"), ("en/", "Larger text")])
def test_larger_text_makes_body_text_a_quarter_bigger(screen, server, home, label) -> None:
    screen.goto(server + home + "services/legal-rights/")
    size = "() => parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"
    before = screen.evaluate(size)
    button = screen.get_by_role("button", name=label)
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert screen.evaluate(size) >= 1.25 * before
    # It lasts for the visit, and nothing scrolls sideways.
    screen.goto(server + home + "contacts/")
    assert screen.evaluate(size) >= 1.25 * before
    assert screen.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.browser
@pytest.mark.parametrize("home", list(HOMES.values()))
def test_high_contrast_passes_the_enhanced_contrast_rule(browser, server, axe_source, home):
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=SCREENS["phone"], color_scheme=scheme)
        page = context.new_page()
        page.goto(server + home)
        page.locator('[data-fs-display="contrast"]').click()
        for path in ("", "services/legal-rights/", "activities/", "contacts/longju/"):
            page.goto(server + home + path)
            page.evaluate(axe_source + "\n;0")
            result = page.evaluate(
                "() => axe.run(document, {runOnly: ['color-contrast-enhanced']})"
            )
            bad = [
                f"{path}: {' '.join(map(str, node['target']))}"
                for violation in result["violations"]
                for node in violation["nodes"]
            ]
            assert bad == [], (scheme, bad)
        context.close()


# -- One voice ------------------------------------------------------------------------------


def test_chinese_pages_say_nin_not_ni(site: Path) -> None:
    found = [
        url_path(site, page)
        for page in [*html_pages(site), site / "404.html"]
        if language_of(site, page) == "zh-Hans" and "你" in soup(page).body.get_text()
    ]
    assert found == []


US_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}(st|nd|rd|th)?,? \d{4}"
)


def test_english_dates_are_written_as_gov_uk_writes_them(site: Path) -> None:
    found = {
        url_path(site, page): match[0]
        for page in html_pages(site)
        if language_of(site, page) == "en" and (match := US_DATE.search(soup(page).get_text()))
    }
    assert found == {}
    # And they are there, in the British order: "Tuesday 1 December 2026".
    text = soup(site / "en/activities/index.html").get_text()
    assert re.search(
        r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} "
        r"(January|February|March|April|May|June|July|August|September|October|"
        r"November|December) \d{4}",
        text,
    )


def test_weeks_start_on_monday(site: Path) -> None:
    for prefix, monday in (("", "周一"), ("en/", "Mon")):
        for month in sorted((site / prefix / "activities/months").glob("*/index.html")):
            first = soup(month).select_one("table.fs-month thead th")
            assert first.get_text(strip=True) == monday, month


def test_generated_chinese_has_full_width_punctuation(site: Path) -> None:
    """No ASCII comma between Chinese words, no space before a full-width bracket."""
    found = {}
    for page in html_pages(site):
        if language_of(site, page) != "zh-Hans":
            continue
        text = soup(page).body.get_text()  # as rendered: no space between elements
        bad = re.findall(r"[\u4e00-\u9fff], ?[\u4e00-\u9fff]|\S {2,}（|[\u4e00-\u9fff] （", text)
        if bad:
            found[url_path(site, page)] = bad[:3]
    assert found == {}


def test_every_language_has_a_home_with_tasks(site: Path) -> None:
    for prefix in LANGUAGES.values():
        tasks = soup(site / prefix / "index.html").select("article a.fs-task")
        assert len(tasks) == 6
        assert all(a.get_text(strip=True) for a in tasks)
