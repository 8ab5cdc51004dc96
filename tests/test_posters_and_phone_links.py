"""The printable posters and the phone links, without a site build: a poster lists its
township's activities still to come this month (not cancelled, not past, at most a page of
them, then how many more), fills a quiet township's page with the district's own activities,
and names the township's page; phone numbers in running text become links that call them,
and nothing else does. Runs in a second or two."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, site_strings
from fedsite.calendar.schedule import Schedule
from fedsite.directory.grouping import Directory
from fedsite.localization.localize import Localizer
from fedsite.output.phone_links import PhoneLinksExtension, link_phones
from fedsite.page_context import PageContext
from fedsite.posters import ROWS, Posters, poster_months
from fedsite.site_data import load_site_data

TODAY = dt.date(2026, 12, 10)
# Twelve evenings at gaosuntang, one of them past and one cancelled; one at longju, none
# at the district office (which is in gaosuntang) but one, and one next month.
ACTIVITIES = (
    "activities:\n"
    + "".join(
        f"  - {{id: evening-{day}, date: 2026-12-{day:02}, start: '19:00', end: '20:00', "
        f"venue: gaosuntang-womens-home{', status: cancelled' if day == 20 else ''}}}\n"
        for day in range(9, 21)
    )
    + (
        "  - {id: longju-talk, date: 2026-12-15, start: '09:00', end: '10:00', "
        "venue: longju-womens-home}\n"
        "  - {id: district-day, date: 2026-12-18, all_day: true, venue: federation-office}\n"
        "  - {id: january, date: 2027-01-05, start: '09:00', end: '10:00', "
        "venue: longju-womens-home}\n"
    )
)
SHARED = "title: {zh: 测试活动, en: Test activity}, category: law-talk, "


@pytest.fixture(scope="module")
def posters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    folder = tmp_path_factory.mktemp("posters") / "data"
    shutil.copytree(ROOT / "data", folder)
    (folder / "activities.yml").write_text(ACTIVITIES.replace("{id", "{" + SHARED + "id"))
    (folder / "trainings.yml").write_text("trainings: []\n")
    data = load_site_data(folder, ["zh", "en"], lambda path: TODAY)
    ui = site_strings()
    t = Localizer("zh", "zh", {"zh": "zh-Hans", "en": "en"}, ui["zh"])
    schedule = Schedule(data, TODAY)
    files = Posters(schedule, Directory(schedule.data)).files(
        PageContext(t, "", "", "https://example.org/")
    )
    return {path: BeautifulSoup(html, "lxml") for path, html in files.items()}


def listed(poster: BeautifulSoup) -> list[str]:
    return [row["data-activity"] for row in poster.select("tr[data-activity]")]


def test_posters_for_this_month_and_the_next(posters) -> None:
    assert poster_months(TODAY) == [dt.date(2026, 12, 1), dt.date(2027, 1, 1)]
    for month in ("2026-12", "2027-01"):
        assert f"activities/posters/{month}/index.html" in posters
        assert f"activities/posters/{month}/gaosuntang.html" in posters
        assert f"activities/posters/{month}/longju.html" in posters


def test_a_poster_lists_what_is_still_to_come(posters) -> None:
    poster = posters["activities/posters/2026-12/gaosuntang.html"]
    rows = listed(poster)
    # The 9th is past, the 20th cancelled; the district office is in this township, and its
    # all-day event comes first on its day.
    evenings = [f"evening-{d}" for d in range(10, 20)]
    expected = [*evenings[:8], "district-day", *evenings[8:]]
    assert rows == expected[:ROWS]
    more = poster.select_one(".poster__more").get_text()
    assert re.search(rf"\b{len(expected) - ROWS}\b", more), more
    assert "https://example.org/contacts/gaosuntang/" in poster.get_text()
    assert poster.select_one("svg") is not None  # the QR code, drawn inline


def test_a_quiet_township_gets_the_district_activities(posters) -> None:
    poster = posters["activities/posters/2026-12/longju.html"]
    assert listed(poster) == ["longju-talk", "district-day"]
    assert listed(posters["activities/posters/2027-01/longju.html"]) == ["january"]


def test_the_district_poster_lists_every_township(posters) -> None:
    rows = listed(posters["activities/posters/2026-12/index.html"])
    assert "longju-talk" in rows and "evening-10" in rows and len(rows) == ROWS


# -- Phone links ----------------------------------------------------------------------------

SHORT = frozenset({"12338", "110"})


def test_numbers_in_a_text_become_links_and_the_rest_is_escaped() -> None:
    html = link_phones("打 023-5812 3456、13800138000 或 12338 <b>，不是 2026-12-05 或 1100", SHORT)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)
    assert links == [
        ("tel:+862358123456", "023-5812 3456"),
        ("tel:+8613800138000", "13800138000"),
        ("tel:12338", "12338"),
    ]
    assert "&lt;b&gt;" in html and "2026-12-05" in html and "1100" in html


def test_numbers_in_markdown_become_links_but_not_in_code_or_links() -> None:
    md = markdown.Markdown(extensions=[PhoneLinksExtension(short_numbers=SHORT)])
    html = md.convert(
        "## 有危险打 110\n\n请打 [12338](tel:12338)，`110` 是代码，**023 5812 3456** 也可以。"
    )
    assert '<h2>有危险打 <a href="tel:110">110</a></h2>' in html
    assert html.count('href="tel:12338"') == 1 and "<code>110</code>" in html
    assert '<strong><a href="tel:+862358123456">023 5812 3456</a></strong>' in html


def test_numbers_are_found_however_they_are_written() -> None:
    text = "打 (023)58123456、+86 23 5812 3456、023－58123456、400-123-4567 或（023）5812-3456"
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', link_phones(text, SHORT))
    assert [uri for uri, _ in links] == [
        "tel:+862358123456",
        "tel:+862358123456",
        "tel:+862358123456",
        "tel:+864001234567",
        "tel:+862358123456",
    ], links
    assert links[1][1] == "+86 23 5812 3456"  # the text as written stays the link's text
    md = markdown.Markdown(extensions=[PhoneLinksExtension(short_numbers=SHORT)])
    assert 'href="tel:+864001234567">400-123-4567</a>' in md.convert("热线 400-123-4567。")
