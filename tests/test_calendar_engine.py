"""The calendar and directory engine without a site build.

Shown here: repeat rules give the dates worked out by hand (last Friday, every other Tuesday,
second Saturday, `except:` and `changes:`); times stay 09:00 +08:00 all year in Asia/Shanghai;
an all-day event has an exclusive DTEND; a series' feed has a UTC UNTIL, an EXDATE, one
override per changed occurrence and CRLF line ends, and icalendar with recurring_ical_events
expands it to the hand-written dates; lines fold at 75 octets without splitting a character;
TEXT values are escaped; a place's vCard parses; double bookings are overlaps, not touches.
The data is loaded once and nothing is built: the file runs in a second or two."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import icalendar
import pytest
import recurring_ical_events
import vobject
from conftest import ROOT, site_strings
from fedsite.calendar.ics import activity_ics, calendar_ics
from fedsite.calendar.occurrences import double_bookings, occurrences
from fedsite.directory.vcard import place_vcard
from fedsite.localization.localize import Localizer
from fedsite.model import Activity, SiteData
from fedsite.output.content_lines import fold, text
from fedsite.site_data import load_site_data

ACTIVITIES = """\
activities:
  - id: last-friday
    date: 2027-01-29
    start: "14:30"
    end: "16:00"
    repeat: {frequency: monthly, weekday: -1FR, count: 4}
  - id: other-tuesday
    date: 2027-01-05
    start: "10:00"
    end: "11:00"
    repeat: {frequency: weekly, interval: 2, until: 2027-02-16}
  - id: second-saturday
    date: 2027-01-09
    start: "09:00"
    end: "11:00"
    repeat: {frequency: monthly, weekday: 2SA, count: 4, except: [2027-02-13]}
  - id: wednesday-class
    date: 2027-03-03
    start: "09:00"
    end: "10:30"
    repeat:
      frequency: weekly
      until: 2027-03-31
      except: [2027-03-24]
      changes:
        - {date: 2027-03-10, status: cancelled}
        - date: 2027-03-17
          moved_to: {date: 2027-03-18, start: "14:00", end: "15:30"}
          note: {zh: 改到周四下午。, en: Moved to Thursday afternoon.}
  - id: sunday-morning
    date: 2027-03-21
    start: "09:00"
    end: "10:00"
    repeat: {frequency: weekly, until: 2027-11-14}
  - id: fair
    date: 2027-05-10
    end_date: 2027-05-12
    all_day: true
  - {id: overlap-a, date: 2027-06-07, start: "09:00", end: "10:00"}
  - {id: overlap-b, date: 2027-06-07, start: "09:30", end: "10:30"}
  - {id: touch-a, date: 2027-06-08, start: "09:00", end: "10:00"}
  - {id: touch-b, date: 2027-06-08, start: "10:00", end: "11:00"}
  - {id: long-one, date: 2027-06-09, start: "09:00", end: "12:00"}
  - {id: short-one, date: 2027-06-09, start: "09:30", end: "10:00"}
  - {id: short-two, date: 2027-06-09, start: "09:45", end: "11:00"}
  - id: called-off
    date: 2027-04-07
    start: "09:00"
    end: "10:00"
    status: cancelled
    repeat:
      frequency: weekly
      count: 3
      changes: [{date: 2027-04-14, moved_to: {date: 2027-04-15}}]
"""
# Every activity above gets these fields (ids that exist in categories.yml and places.yml).
SHARED = (
    "title: {zh: 测试活动, en: Test activity}",
    "category: law-talk",
    "venue: federation-office",
)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    folder = tmp_path_factory.mktemp("engine") / "data"
    shutil.copytree(ROOT / "data", folder)
    fields = "".join(f"\n    {field}" for field in SHARED)
    block_style = re.sub(r"^  - id: .+$", r"\g<0>" + fields, ACTIVITIES, flags=re.M)
    flow_style = re.sub(r"^  - \{", "  - {" + ", ".join(SHARED) + ", ", block_style, flags=re.M)
    (folder / "activities.yml").write_text(flow_style, encoding="utf-8")
    return load_site_data(folder, ["zh", "en"], lambda path: dt.date(2026, 12, 1))


@pytest.fixture(scope="module")
def t() -> Localizer:
    ui = site_strings()
    return Localizer("en", "zh", {"zh": "zh-Hans", "en": "en"}, ui["en"])


def activity(data: SiteData, id: str) -> Activity:
    (found,) = [a for a in data.activities if a.id == id]
    return found


def days(data: SiteData, id: str) -> list[str]:
    return [o.first_day.isoformat() for o in occurrences(activity(data, id))]


def feed(data: SiteData, t: Localizer, id: str) -> bytes:
    a = activity(data, id)
    event = activity_ics(a, t, f"https://example.org/activities/#{id}", "example.org")
    return calendar_ics([(a, event)], name="Test", description="Engine test")


def physical_lines(data: bytes) -> list[bytes]:
    """The lines of a file whose every line ends in CRLF (no bare CR or LF anywhere)."""
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert not [line for line in lines if b"\r" in line or b"\n" in line]
    return lines


def assert_folded(line: str) -> list[bytes]:
    """fold(line): at most 75 octets a line, each line as long as a whole character allows,
    each valid UTF-8 alone, continuations start with one space, unfolding gives `line`."""
    folded = fold(line)
    lines = physical_lines(folded)
    assert len(lines) > 1
    for n, physical in enumerate(lines):
        assert len(physical) <= 75, physical
        physical.decode("utf-8")  # raises if a character was split between two lines
        if n:
            assert physical[:1] == b" " and physical[1:2] != b" ", physical
        if n < len(lines) - 1:
            assert len(physical) >= 73, physical  # the next character did not fit
    assert folded.replace(b"\r\n ", b"") == line.encode("utf-8") + b"\r\n"
    return lines


def test_monthly_on_the_last_friday_with_a_count(data: SiteData) -> None:
    assert days(data, "last-friday") == ["2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30"]


def test_every_other_tuesday_until_an_inclusive_date(data: SiteData) -> None:
    assert days(data, "other-tuesday") == ["2027-01-05", "2027-01-19", "2027-02-02", "2027-02-16"]


def test_an_except_date_is_left_out_of_a_second_saturday_series(data: SiteData) -> None:
    # The rule gives 01-09, 02-13, 03-13, 04-10 (COUNT counts the excluded date too).
    assert days(data, "second-saturday") == ["2027-01-09", "2027-03-13", "2027-04-10"]


def test_changes_cancel_one_occurrence_and_move_another(data: SiteData) -> None:
    found = {o.due.isoformat(): o for o in occurrences(activity(data, "wednesday-class"))}
    assert list(found) == ["2027-03-03", "2027-03-10", "2027-03-17", "2027-03-31"]
    cancelled, moved = found["2027-03-10"], found["2027-03-17"]
    assert cancelled.status == "cancelled"
    assert cancelled.first_day == dt.date(2027, 3, 10)
    assert moved.status == "moved"
    assert (moved.first_day, moved.last_day) == (dt.date(2027, 3, 18), dt.date(2027, 3, 18))
    assert moved.start.isoformat() == "2027-03-18T14:00:00+08:00"
    assert moved.end.isoformat() == "2027-03-18T15:30:00+08:00"
    assert moved.note.pick("en", "zh")[0] == "Moved to Thursday afternoon."
    assert [found[d].status for d in ("2027-03-03", "2027-03-31")] == ["scheduled"] * 2


def test_shanghai_times_do_not_shift_in_march_or_november(data: SiteData) -> None:
    found = occurrences(activity(data, "sunday-morning"))
    # 2027-03-21 to 2027-11-14 is 34 weeks: 35 Sundays, across the European and American
    # clock changes (28 March, 31 October, 7 November 2027).
    assert len(found) == 35
    assert found[0].first_day == dt.date(2027, 3, 21)
    assert found[-1].first_day == dt.date(2027, 11, 14)
    for occ in found:
        assert occ.start.weekday() == 6
        assert occ.start.time() == dt.time(9, 0), occ.start
        assert occ.start.utcoffset() == dt.timedelta(hours=8), occ.start
        assert occ.start.astimezone(dt.UTC).time() == dt.time(1, 0), occ.start


def test_an_all_day_event_over_three_days(data: SiteData, t: Localizer) -> None:
    (occ,) = occurrences(activity(data, "fair"))
    assert (occ.first_day, occ.last_day) == (dt.date(2027, 5, 10), dt.date(2027, 5, 12))
    assert (occ.start, occ.end) == (None, None)
    lines = physical_lines(feed(data, t, "fair"))
    assert b"DTSTART;VALUE=DATE:20270510" in lines
    assert b"DTEND;VALUE=DATE:20270513" in lines  # exclusive: the day after the last
    assert not [line for line in lines if line.startswith((b"BEGIN:VTIMEZONE", b"RRULE"))]


def test_a_series_feed_is_rfc_5545_and_expands_to_the_same_dates(
    data: SiteData, t: Localizer
) -> None:
    ics = feed(data, t, "wednesday-class")
    lines = physical_lines(ics)  # every line CRLF-terminated
    assert lines.count(b"RRULE:FREQ=WEEKLY;UNTIL=20270331T010000Z") == 1  # 09:00 +08:00 in UTC
    assert lines.count(b"EXDATE;TZID=Asia/Shanghai:20270324T090000") == 1
    assert [line for line in lines if line.startswith(b"RECURRENCE-ID")] == [
        b"RECURRENCE-ID;TZID=Asia/Shanghai:20270310T090000",
        b"RECURRENCE-ID;TZID=Asia/Shanghai:20270317T090000",
    ]
    assert lines.count(b"BEGIN:VEVENT") == 3
    assert lines.count(b"DTSTART;TZID=Asia/Shanghai:20270318T140000") == 1
    assert lines.count(b"BEGIN:VTIMEZONE") == 1

    calendar = icalendar.Calendar.from_ical(ics)
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == ["wednesday-class@example.org"] * 3
    expanded = recurring_ical_events.of(calendar).between(dt.date(2027, 3, 1), dt.date(2027, 4, 1))
    got = [(e["DTSTART"].dt.isoformat(), e["DTEND"].dt.isoformat(), e["STATUS"]) for e in expanded]
    assert got == [
        ("2027-03-03T09:00:00+08:00", "2027-03-03T10:30:00+08:00", "CONFIRMED"),
        ("2027-03-10T09:00:00+08:00", "2027-03-10T10:30:00+08:00", "CANCELLED"),
        ("2027-03-18T14:00:00+08:00", "2027-03-18T15:30:00+08:00", "CONFIRMED"),
        ("2027-03-31T09:00:00+08:00", "2027-03-31T10:30:00+08:00", "CONFIRMED"),
    ]


def test_folding_200_chinese_characters() -> None:
    line = "妇" * 200  # 600 octets, three per character
    lines = assert_folded(line)
    assert lines[0] == ("妇" * 25).encode("utf-8")  # 75 octets exactly
    assert lines[1] == b" " + ("妇" * 24).encode("utf-8")  # 1 + 72: a 25th would make 76


def test_folding_never_splits_a_character_on_the_75th_octet() -> None:
    line = "DESCRIPTION:" + "x" * 61 + "万州区妇女联合会" * 10  # 73 ASCII octets, then 万 at 74-76
    lines = assert_folded(line)
    assert lines[0] == line[:73].encode("ascii")
    assert lines[1].startswith(" 万州".encode())


def test_text_values_are_escaped_as_rfc_5545_says() -> None:
    assert text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    assert text("line one\r\nline two") == "line one\\nline two"
    assert text('Room 2: "hall"') == 'Room 2: "hall"'  # colon and quotes stay as they are


def test_a_place_vcard_parses_with_e164_phones_and_example_numbers_noted(
    data: SiteData, t: Localizer
) -> None:
    place = data.places["federation-office"]
    card = place_vcard(place, t, "https://example.org/directory/#federation-office", "example.org")
    lines = physical_lines(card)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long NOTE is folded
    parsed = vobject.readOne(card.decode("utf-8"))
    assert parsed.fn.value == "Wanzhou District Women's Federation office"
    assert [tel.value for tel in parsed.contents["tel"]] == ["+862300000000"]
    # data/places.yml has "023-0000 0000", example: true; the site writes it "023 0000 0000".
    assert parsed.note.value.splitlines()[0] == "023 0000 0000 (example number, do not call)"
    assert parsed.uid.value == "federation-office@example.org"


def test_double_bookings_are_overlaps_not_touches(data: SiteData) -> None:
    ids = ("touch-b", "overlap-b", "touch-a", "overlap-a")
    items = [o for id in ids for o in occurrences(activity(data, id))]
    clashes = double_bookings(items)
    assert [[o.activity.id for o in group] for group in clashes] == [["overlap-a", "overlap-b"]]


def test_overlapping_occurrences_at_one_place_are_one_clash(data: SiteData) -> None:
    ids = ("long-one", "short-one", "short-two")  # short-two starts at 09:45, before 10:00
    items = [o for id in ids for o in occurrences(activity(data, id))]
    clashes = [[o.activity.id for o in group] for group in double_bookings(items)]
    assert clashes == [["long-one", "short-one", "short-two"]]


def test_a_cancelled_series_stays_cancelled_on_a_moved_date(data: SiteData, t) -> None:
    found = occurrences(activity(data, "called-off"))
    assert [(o.first_day.isoformat(), o.status) for o in found] == [
        ("2027-04-07", "cancelled"),
        ("2027-04-15", "cancelled"),
        ("2027-04-21", "cancelled"),
    ]
    text = feed(data, t, "called-off").decode()
    assert "STATUS:CONFIRMED" not in text
    # One override, for the moved date; the series' own STATUS covers the rest.
    assert text.count("RECURRENCE-ID") == 1
