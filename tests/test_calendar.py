"""The calendar in the built site: pages per language, event details, month tables, and
iCalendar feeds that real clients and two independent parsers accept and that agree with
what the pages show."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
import vobject
from conftest import ROOT, SITE_TODAY, mkdocs_build
from pages import LANGUAGES, html_pages, soup

TODAY = dt.date.fromisoformat(SITE_TODAY)
FEEDS = {"zh-Hans": "activities/feeds/all.ics", "en": "en/activities/feeds/all.ics"}


def feeds(site: Path) -> list[Path]:
    return sorted(site.rglob("*.ics"))


def cards(site: Path, prefix: str) -> list:
    return [
        card
        for page in sorted((site / prefix / "activities/months").rglob("index.html"))
        for card in soup(page).select("div.fs-event")
    ]


def test_activity_pages_exist_in_both_languages(site: Path) -> None:
    for prefix in LANGUAGES.values():
        for page in [
            "activities/",
            "activities/categories/",
            "activities/places/",
            "activities/past/",
            "training/",
        ]:
            assert (site / prefix / page / "index.html").is_file(), prefix + page
        assert list((site / prefix / "activities/months").glob("*/index.html"))


def test_upcoming_starts_at_the_reference_date(site: Path) -> None:
    for prefix in LANGUAGES.values():
        page = soup(site / prefix / "activities/index.html")
        times = [
            dt.date.fromisoformat(t["datetime"][:10])
            for t in page.select("li.fs-row time[datetime]")
        ]
        assert times, prefix
        assert min(times) >= TODAY
        assert times == sorted(times)


def test_dates_and_times_are_localized(site: Path) -> None:
    zh = [c.select_one("time").get_text() for c in cards(site, "")]
    en = [c.select_one("time").get_text() for c in cards(site, "en")]
    assert zh and len(zh) == len(en)
    assert all(re.match(r"^\d{4}年\d{1,2}月\d{1,2}日", t) for t in zh), zh[:5]
    assert any(
        re.match(r"^\d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日] \d\d:\d\d–\d\d:\d\d$", t)
        for t in zh
    )
    weekdays = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    # British English: "Wednesday 2 December 2026" (day before month, no commas).
    odd = [t for t in en if not re.match(rf"^({weekdays}) \d{{1,2}} [A-Z][a-z]+ \d{{4}}", t)]
    assert odd == []


def activity_dates(site: Path, activity_id: str) -> list[dict]:
    """The JSON-LD of every occurrence of an activity, from every month page."""
    found = []
    for page in sorted((site / "activities/months").glob("*/index.html")):
        for card in soup(page).select(f'div.fs-event[data-activity="{activity_id}"]'):
            found.append(json.loads(card.select_one('script[type="application/ld+json"]').string))
    return found


def test_every_event_has_what_a_resident_needs(site: Path) -> None:
    for prefix in LANGUAGES.values():
        for card in cards(site, prefix):
            assert card.get("id"), card
            assert card.select_one("time[datetime]")
            assert len(card.select("dl.fs-facts dt")) >= 3  # when, where, kind at least
            data = json.loads(card.select_one('script[type="application/ld+json"]').string)
            # "Add to calendar" while the activity has dates to come: past ones stay in the
            # feeds, and on the archive page, but get no file of their own.
            ended = max(e["endDate"] for e in activity_dates(site, card["data-activity"]))
            assert bool(card.select_one('a[href$=".ics"]')) == (ended[:10] >= TODAY.isoformat())
            assert data["@type"] == "Event" and data["location"]["address"]
            status = card["data-status"]
            expected = {
                "scheduled": "EventScheduled",
                "cancelled": "EventCancelled",
                "postponed": "EventPostponed",
                "moved": "EventRescheduled",
            }[status]
            assert data["eventStatus"] == f"https://schema.org/{expected}"


def test_cancelled_and_postponed_events_say_so(site: Path) -> None:
    statuses = {c["data-status"] for c in cards(site, "en")}
    assert {"cancelled", "postponed", "moved"} <= statuses
    for card in cards(site, "en"):
        if card["data-status"] == "cancelled":
            assert "Cancelled" in card.select_one(".fs-status").get_text()


def test_month_table_is_accessible_and_starts_on_the_locales_first_day(site: Path) -> None:
    for prefix, first_day in (("", "周一"), ("en", "Mon")):
        month = site / prefix / f"activities/months/{TODAY:%Y-%m}/index.html"
        table = soup(month).select_one("table.fs-month")
        assert table.caption.get_text(strip=True)
        headers = table.select("thead th[scope=col]")
        assert len(headers) == 7 and headers[0].get_text(strip=True) == first_day
        for link in table.select("a[href^='#d-']"):
            assert soup(month).select_one(f"[id='{link['href'][1:]}']"), link


def test_feed_links_offer_https_and_webcal(site: Path, site_url: str) -> None:
    for prefix in LANGUAGES.values():
        page = soup(site / prefix / "activities/index.html")
        hrefs = [a["href"] for a in page.select(".fs-feed a")]
        assert f"{site_url}{prefix}activities/feeds/all.ics" in hrefs
        assert any(
            h.startswith("webcal://") and h.endswith("/activities/feeds/all.ics") for h in hrefs
        )


def test_every_feed_parses_with_two_independent_parsers(site: Path) -> None:
    files = feeds(site)
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        cal = icalendar.Calendar.from_ical(data)
        assert cal.walk("VEVENT"), path
        parsed = vobject.readOne(data.decode("utf-8"))
        assert len(parsed.vevent_list) == len(cal.walk("VEVENT")), path


def test_feeds_follow_rfc_5545_and_client_habits(site: Path) -> None:
    for path in feeds(site):
        data = path.read_bytes()
        lines = data.split(b"\r\n")
        assert b"\n" not in data.replace(b"\r\n", b""), f"{path}: bare LF"
        assert all(len(line) <= 75 for line in lines), path
        for line in lines:
            line.decode("utf-8")  # folding never splits a UTF-8 character
        text = data.decode("utf-8")
        assert "METHOD:PUBLISH" in text
        assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in text
        cal = icalendar.Calendar.from_ical(data)
        tzids = {
            p.params["TZID"]
            for e in cal.walk("VEVENT")
            for p in (e.get("DTSTART"), e.get("DTEND"))
            if p is not None and "TZID" in p.params
        }
        defined = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
        assert tzids <= defined, path
        for event in cal.walk("VEVENT"):
            assert str(event["UID"]).endswith("@127.0.0.1")
            rule = event.get("RRULE")
            if rule and "UNTIL" in rule and isinstance(event["DTSTART"].dt, dt.datetime):
                assert re.search(rb"UNTIL=\d{8}T\d{6}Z", rule.to_ical()), path  # in UTC
            if not isinstance(event["DTSTART"].dt, dt.datetime):  # all day: DTEND exclusive
                assert event["DTEND"].dt > event["DTSTART"].dt


def test_feed_names_are_localized(site: Path) -> None:
    names = {
        tag: str(icalendar.Calendar.from_ical((site / f).read_bytes())["X-WR-CALNAME"])
        for tag, f in FEEDS.items()
    }
    assert re.search(r"[\u4e00-\u9fff]", names["zh-Hans"])
    assert not re.search(r"[\u4e00-\u9fff]", names["en"])


def test_feed_occurrences_match_the_pages(site: Path) -> None:
    """Expand the feeds with recurring-ical-events; the month pages show the same events at
    the same times with the same status."""
    for tag, prefix in LANGUAGES.items():
        cal = icalendar.Calendar.from_ical((site / FEEDS[tag]).read_bytes())
        expanded = recurring_ical_events.of(cal).between(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
        from_feed = sorted(
            (
                str(e["UID"]).split("@")[0],
                e["DTSTART"].dt.isoformat(),
                str(e.get("STATUS")) == "CANCELLED",
            )
            for e in expanded
        )
        from_pages = sorted(
            (c["data-activity"], c.select_one("time")["datetime"], c["data-status"] == "cancelled")
            for c in cards(site, prefix)
        )
        assert from_feed == from_pages


def test_excepted_and_changed_occurrences_are_in_the_feed(site: Path) -> None:
    text = (site / FEEDS["en"]).read_text("utf-8")
    assert "EXDATE" in text
    assert "RECURRENCE-ID" in text
    assert "STATUS:CANCELLED" in text


def test_training_courses_list_their_sessions(site: Path) -> None:
    for prefix in LANGUAGES.values():
        page = soup(site / prefix / "training/index.html")
        courses = page.select("div.fs-course")
        assert courses
        for course in courses:
            assert course.select("ol.fs-sessions li time[datetime]")
            last = max(t["datetime"] for t in course.select("ol.fs-sessions li time"))
            ics = course.select_one('a[href$=".ics"]')
            assert bool(ics) == (last[:10] >= TODAY.isoformat()), course
            if ics:
                assert (site / prefix / "training" / ics["href"]).resolve().is_file()
    # Some courses are still to come and some are over, so both cases above were seen.
    offered = [
        bool(c.select_one('a[href$=".ics"]'))
        for c in soup(site / "training/index.html").select("div.fs-course")
    ]
    assert any(offered) and not all(offered)


@pytest.fixture(scope="module")
def second_build(tmp_path_factory, site_url: str) -> Path:
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("again") / "site", site_url)
    assert build.returncode == 0, build.output
    return build.site


def test_same_inputs_give_the_same_bytes(site: Path, second_build: Path) -> None:
    for path in [*feeds(site), *html_pages(site), site / "sitemap.xml"]:
        again = second_build / path.relative_to(site)
        assert path.read_bytes() == again.read_bytes(), path
