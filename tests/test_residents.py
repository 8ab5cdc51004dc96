"""The calendar and the contacts as a resident uses them, on a 360 px phone in both languages:
this week at a glance, a number to tap wherever there is one, month days a finger can hit, her
township's page in one tap from the contacts page and a way back from it, sign-up that says
when it has closed, and a poster for the village notice board whose QR code leads to her
township's page."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import phonenumbers
import pypdfium2
import pytest
import yaml
import zxingcpp
from conftest import ROOT, SITE_TODAY
from pages import LANGUAGES, resolve, soup, url_path

PHONE = {"width": 360, "height": 780}
TODAY = dt.date.fromisoformat(SITE_TODAY)
PREFIXES = list(LANGUAGES.values())


def data(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


# -- The agenda -----------------------------------------------------------------------------


def week_groups(today: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    """Each group of the agenda and its first and last day (weeks start on Monday in both
    languages: zh-Hans and en-GB)."""
    monday = today - dt.timedelta(days=today.weekday())
    return {
        "today": (today, today),
        "this-week": (today + dt.timedelta(days=1), monday + dt.timedelta(days=6)),
        "next-week": (monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)),
        "later": (monday + dt.timedelta(days=14), today + dt.timedelta(weeks=8)),
    }


@pytest.mark.browser
@pytest.mark.parametrize("prefix", PREFIXES)
def test_agenda_groups_the_coming_weeks_in_about_ten_screens(phone, server, prefix) -> None:
    phone.goto(f"{server}{prefix}activities/")
    groups = phone.evaluate(
        """() => [...document.querySelectorAll('article h2[id]')]
            .filter(h => h.nextElementSibling?.matches('ol.fs-agenda--rows'))
            .map(h => [h.id, [...h.nextElementSibling.querySelectorAll('li.fs-row')]
                .map(li => li.querySelector('time').getAttribute('datetime').slice(0, 10))])"""
    )
    expected = week_groups(TODAY)
    assert [name for name, _ in groups] == list(expected)
    for name, days in groups:
        first, last = expected[name]
        assert days, f"group {name} is empty"
        assert all(first.isoformat() <= d <= last.isoformat() for d in days), (name, days)
        assert days == sorted(days)
    screens = phone.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
    assert screens <= 10.8, f"the agenda is {screens:.1f} phone screens long"


@pytest.mark.browser
def test_agenda_details_open_without_javascript(browser, server) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}activities/")
    row = page.locator("li.fs-row").first
    address = row.locator("dl.fs-facts")
    assert not address.is_visible()
    row.locator("summary").click()
    assert address.is_visible()
    context.close()


def test_webcal_only_behind_its_explanation(site: Path) -> None:
    """webcal:// opens nothing on most Android phones and in WeChat: it is offered only inside
    the "subscribe" explanation, and no visible text calls anything an ".ics" file."""
    for prefix in PREFIXES:
        page = soup(site / prefix / "activities/index.html")
        webcal = page.select('a[href^="webcal:"]')
        assert webcal
        assert all(a.find_parent("details", class_="fs-subscribe") for a in webcal)
        assert not re.search(r"\.ics|ics 文件", page.select_one("article").get_text())


@pytest.mark.browser
def test_wechat_hint_shows_only_in_wechat(browser, server) -> None:
    wechat = (
        "Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/107.0 Mobile Safari/537.36 MicroMessenger/8.0.40"
    )
    for agent, shown in ((wechat, True), (None, False)):
        context = browser.new_context(viewport=PHONE, user_agent=agent)
        page = context.new_page()
        page.goto(f"{server}activities/")
        assert page.locator(".fs-wechat-hint").is_visible() == shown, agent
        context.close()


# -- Phone numbers ------------------------------------------------------------------------


def short_numbers() -> set[str]:
    return {h["number"] for h in data("hotlines.yml")["hotlines"] if len(h["number"]) <= 5}


def unlinked_numbers(page: Path, short: set[str]) -> list[str]:
    """Phone numbers in the page's visible text that are not inside a link."""
    pattern = re.compile(rf"(?<![\d.])({'|'.join(sorted(short))})(?!\d)")
    found = []
    for node in soup(page).find_all(string=True):
        if node.find_parent(["a", "script", "style", "head", "time", "code"]):
            continue
        text = str(node)
        found += [m.raw_string for m in phonenumbers.PhoneNumberMatcher(text, "CN")]
        found += pattern.findall(text)
    return found


def test_every_phone_number_is_a_link(site: Path) -> None:
    """Every number on every page (the 404 pages and the posters too) is a tel: link: in the
    data's fields, in its texts and in the pages' Markdown."""
    short = short_numbers()
    pages = sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)
    unlinked = {url_path(site, p): n for p in pages if (n := unlinked_numbers(p, short))}
    assert unlinked == {}
    links = [a for p in pages for a in soup(p).select('a[href^="tel:"]')]
    assert len(links) > 100
    for a in links:  # the link calls the number it shows
        digits = re.sub(r"\D", "", a.get_text())
        called = a["href"].replace("tel:+86", "0").removeprefix("tel:")
        assert called in (digits, "0" + digits), a


# -- Month tables ---------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("prefix", PREFIXES)
def test_month_days_are_big_links_and_today_is_marked(phone, server, prefix) -> None:
    phone.goto(f"{server}{prefix}activities/months/{TODAY:%Y-%m}/")
    cells = phone.evaluate(
        """() => [...document.querySelectorAll('table.fs-month td a')].map(a => {
            const r = a.getBoundingClientRect(), td = a.closest('td').getBoundingClientRect();
            return {w: r.width, h: r.height, fills: r.width >= td.width - 2
                    && r.height >= td.height - 2, href: a.hash,
                    count: a.querySelector('.fs-month__count')?.textContent || ''}; })"""
    )
    assert len(cells) >= 10
    for cell in cells:
        assert cell["w"] >= 44 and cell["h"] >= 44, cell
        assert cell["fills"], f"only part of the day's cell is the link: {cell}"
        assert phone.locator(f'[id="{cell["href"][1:]}"]').count() == 1, cell
        assert re.search(r"\d", cell["count"]), f"no count of activities: {cell}"
    today = phone.locator('table.fs-month [aria-current="date"]')
    assert today.count() == 1
    assert today.locator(".fs-month__day").inner_text() == str(TODAY.day)


# -- Contacts and townships ---------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("prefix", PREFIXES)
def test_township_list_comes_first_on_contacts(phone, server, prefix) -> None:
    phone.goto(f"{server}{prefix}contacts/")
    link = phone.locator("article ul.fs-townships a").first
    box = link.bounding_box()
    assert box and box["y"] + box["height"] <= 1.5 * PHONE["height"], box
    with phone.expect_navigation():
        link.click()
    assert re.search(r"/contacts/[\w-]+/$", phone.url)


def township_pages(site: Path, prefix: str) -> list[Path]:
    return sorted((site / prefix / "contacts").glob("*/index.html"))


def test_township_pages_put_her_womens_home_first_and_link_back(site: Path) -> None:
    places = data("places.yml")["places"]
    kinds = {p["id"]: p["kind"] for p in places}
    for prefix in PREFIXES:
        pages = township_pages(site, prefix)
        assert len(pages) >= 10
        for page in pages:
            html = soup(page)
            article = html.select_one("article")
            back = [
                a
                for a in article.select("a")
                if resolve(site, page, a["href"]) == f"/{prefix}contacts/"
            ]
            assert len(back) >= 2, f"{page}: no way back to the list at the top and bottom"
            cards = [c for c in article.select("[data-place]")]
            assert cards, page
            first = kinds[cards[0]["data-place"]]
            if any(kinds[c["data-place"]] in ("womens-home", "federation") for c in cards):
                assert first in ("womens-home", "federation"), page
                assert cards[0].select_one('a.fs-call[href^="tel:"]'), page
            # No title promises a Women's Home that the page does not list.
            title = html.select_one("h1").get_text()
            if "妇女之家" in title or "Women's Home" in title:
                assert any(kinds[c["data-place"]] == "womens-home" for c in cards), page


def test_map_links_only_where_a_place_has_a_location(site: Path) -> None:
    located = {p["id"]: p["location"] for p in data("places.yml")["places"] if "location" in p}
    assert located, "the example data has places with a location"
    for prefix in PREFIXES:
        found = {}
        for page in [*township_pages(site, prefix), site / prefix / "contacts/index.html"]:
            for card in soup(page).select("[data-place]"):
                amap = card.select('a[href^="https://uri.amap.com/marker?"]')
                if amap:
                    found[card["data-place"]] = amap[0]["href"]
        assert set(found) == set(located)
        for place, href in found.items():
            lat, lon = located[place]["lat"], located[place]["lon"]
            assert f"position={lon}%2C{lat}" in href, href


def test_contacts_and_womens_homes_link_each_other(site: Path) -> None:
    for prefix in PREFIXES:
        contacts = site / prefix / "contacts/index.html"
        homes = site / prefix / "womens-homes/index.html"
        to_homes = [a["href"] for a in soup(contacts).select("article a")]
        to_contacts = [a["href"] for a in soup(homes).select("article a")]
        assert any(resolve(site, contacts, h) == f"/{prefix}womens-homes/" for h in to_homes)
        assert any(resolve(site, homes, h) == f"/{prefix}contacts/" for h in to_contacts)


# -- Signing up ---------------------------------------------------------------------------

CLOSED = {"": "报名已截止", "en/": "Registration closed"}


def test_a_passed_deadline_says_registration_closed(site: Path) -> None:
    deadlines = {
        a["id"]: dt.date.fromisoformat(str(a["registration"]["deadline"]))
        for a in data("activities.yml")["activities"]
        if (a.get("registration") or {}).get("deadline")
    }
    passed = {i for i, d in deadlines.items() if d < TODAY}
    assert passed and set(deadlines) - passed, "the example data has both kinds"
    for prefix in PREFIXES:
        rows = soup(site / prefix / "activities/index.html").select("li.fs-row")
        seen = set()
        for row in rows:
            if row["data-activity"] not in deadlines or row["data-status"] == "cancelled":
                continue
            seen.add(row["data-activity"])
            signup = row.select_one(".fs-row__signup").get_text()
            assert (CLOSED[prefix] in signup) == (row["data-activity"] in passed), signup
        assert seen & passed and seen - passed


# -- The poster ---------------------------------------------------------------------------


def poster_pdf(browser, url: str) -> bytes:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    assert errors == []
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    return pdf


@pytest.mark.browser
@pytest.mark.parametrize("township", ["", "gaosuntang"])
def test_poster_is_one_a4_page_with_a_qr_code_to_the_township(
    browser, server, site: Path, site_url: str, township: str
) -> None:
    month = f"activities/posters/{TODAY:%Y-%m}/"
    name = f"{township}.html" if township else "index.html"
    # A township's page links to its poster.
    page = site / (f"contacts/{township}" if township else "activities") / "index.html"
    links = [resolve(site, page, a["href"]) for a in soup(page).select("a")]
    assert f"/{month}{name}" in links
    document = pypdfium2.PdfDocument(io.BytesIO(poster_pdf(browser, server + month + name)))
    assert len(document) == 1, "the poster runs onto a second sheet"
    picture = document[0].render(scale=2).to_pil()
    codes = [code.text for code in zxingcpp.read_barcodes(picture)]
    target = f"contacts/{township}/" if township else "activities/"
    assert codes == [site_url + target]
    text = soup(site / month / name).get_text()
    assert re.search(r"\d{4}年\d{1,2}月", text) and "12338" in text
