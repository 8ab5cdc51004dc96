"""iCalendar feeds (RFC 5545 / 7986) from the calendar data, in one language.

Same data, same bytes: UIDs come from activity ids, DTSTAMP from the data's `updated` date,
components are sorted. icalendar writes CRLF lines folded at 75 octets (never inside a UTF-8
character) and, with add_missing_timezones(), a VTIMEZONE for every TZID."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

from icalendar import Calendar, Event, Timezone, vRecur

from fedsite.calendar_data import Activity
from fedsite.occurrences import occurrences

STATUS = {
    "scheduled": "CONFIRMED",
    "moved": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}
REFRESH = dt.timedelta(hours=12)


def _utc_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, dt.UTC)


def _rrule(activity: Activity) -> vRecur:
    repeat = activity.repeat
    rule: dict = {"FREQ": repeat.frequency.upper()}
    if repeat.interval != 1:
        rule["INTERVAL"] = repeat.interval
    if repeat.weekday:
        rule["BYDAY"] = repeat.weekday
    if repeat.count:
        rule["COUNT"] = repeat.count
    if repeat.until:
        if activity.all_day:
            rule["UNTIL"] = repeat.until  # a DATE, like DTSTART
        else:  # UTC, as RFC 5545 requires when DTSTART has a TZID
            last = dt.datetime.combine(repeat.until, activity.start, activity.timezone)
            rule["UNTIL"] = last.astimezone(dt.UTC)
    return vRecur(rule)


def _moment(day: dt.date, time: dt.time | None, activity: Activity) -> dt.date | dt.datetime:
    return dt.datetime.combine(day, time, activity.timezone) if time else day


def _base_event(activity: Activity, text, url: str, uid_domain: str) -> Event:
    event = Event()
    event.add("uid", f"{activity.id}@{uid_domain}")
    event.add("dtstamp", _utc_midnight(activity.updated))
    event.add("last-modified", _utc_midnight(activity.updated))
    event.add("summary", text(activity.title))
    venue = activity.venue
    event.add("location", f"{text(venue.name)}, {text(venue.address)}")
    if description := text.describe(activity):
        event.add("description", description)
    event.add("categories", [text(activity.category.name)])
    event.add("url", url)
    event.add("class", "PUBLIC")
    return event


def activity_events(activity: Activity, text, url: str, uid_domain: str) -> list[Event]:
    """The VEVENTs of one activity: the event (with its RRULE and EXDATEs) and one override
    per cancelled or moved occurrence."""
    event = _base_event(activity, text, url, uid_domain)
    event.add("dtstart", _moment(activity.date, activity.start, activity))
    # All-day DTEND is exclusive: the day after the last day.
    end_day = activity.end_date + dt.timedelta(days=0 if activity.end else 1)
    event.add("dtend", _moment(end_day, activity.end, activity))
    event.add("status", STATUS[activity.status])
    events = [event]
    if activity.repeat is None:
        return events
    event.add("rrule", _rrule(activity))
    if activity.repeat.exceptions:
        event.add(
            "exdate",
            [_moment(d, activity.start, activity) for d in sorted(activity.repeat.exceptions)],
        )
    for occ in occurrences(activity):
        if occ.status not in ("cancelled", "moved"):
            continue
        override = _base_event(activity, text, url, uid_domain)
        override.add("recurrence-id", _moment(occ.due, activity.start, activity))
        override.add("dtstart", occ.start or occ.first_day)
        override.add("dtend", occ.end or occ.last_day + dt.timedelta(days=1))
        override.add("status", STATUS[occ.status])
        if occ.note:
            override.add("comment", text(occ.note))
        events.append(override)
    return events


def activity_ics(activity: Activity, text, url: str, uid_domain: str) -> bytes:
    """The serialized VEVENTs of one activity, to be put into any number of feeds."""
    return b"".join(e.to_ical() for e in activity_events(activity, text, url, uid_domain))


def calendar_ics(
    events: Iterable[tuple[Activity, bytes]],
    *,
    name: str,
    description: str,
) -> bytes:
    """One feed from activities and their serialized events (see activity_ics)."""
    cal = Calendar()
    cal.add("prodid", "-//Wanzhou District Women's Federation//fedsite calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("description", description)
    cal.add("x-wr-caldesc", description)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    # RFC 7986 wants VALUE=DURATION on REFRESH-INTERVAL; icalendar leaves it out by default.
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    events = sorted(events, key=lambda pair: pair[0].id)
    activities = [a for a, _ in events]
    # A VTIMEZONE for every TZID, serialized once per zone and span of years: icalendar's
    # add_missing_timezones() recomputes it for every feed, and there is one feed per event.
    zones = sorted({str(a.timezone.key) for a in activities if not a.all_day})
    timezones = b""
    if zones:
        years = [d.year for a in activities for d in (a.date, a.end_date)]
        timezones = b"".join(_timezone(tzid, min(years), max(years)) for tzid in zones)
    envelope = cal.to_ical()
    # Each event is serialized once and spliced into every feed that lists it (the feed of
    # all activities, its kind's feed, its own): serializing is most of the data stage's time.
    end = b"END:VCALENDAR\r\n"
    assert envelope.endswith(end)
    return envelope[: -len(end)] + timezones + b"".join(data for _, data in events) + end


@cache
def _timezone(tzid: str, first_year: int, last_year: int) -> bytes:
    return Timezone.from_tzid(
        tzid, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year + 1, 1, 1)
    ).to_ical()
