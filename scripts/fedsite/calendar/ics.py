"""iCalendar feeds (RFC 5545 / 7986) from the calendar data, in one language.

Same data, same bytes: UIDs come from activity ids, DTSTAMP from the data's `updated` date,
components are sorted. Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
character; every TZID has a VTIMEZONE.

Events are written as content lines here rather than through icalendar's component objects:
a district's calendar is ~14,000 event files per build, and icalendar's object model and line
folding cost about a millisecond per event, most of the data stage. The few value types we
write (TEXT, DATE, DATE-TIME, RECUR, DURATION) are small; icalendar still makes the
VTIMEZONEs, and the tests parse every file with icalendar and vobject."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

from icalendar import Timezone

from fedsite.calendar.occurrences import occurrences
from fedsite.model import Activity
from fedsite.output.content_lines import fold, text

STATUS = {
    "scheduled": "CONFIRMED",
    "moved": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}
REFRESH = "PT12H"
PRODID = "-//fedsite//calendar//EN"  # the generator: a site's own name is in its feeds' names


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _utc_midnight(day: dt.date) -> str:
    return f"{day:%Y%m%d}T000000Z"


def moment(name: str, day: dt.date, time: dt.time | None, activity: Activity) -> str:
    """A DATE (all-day) or a local DATE-TIME with the activity's TZID."""
    if time is None:
        return f"{name};VALUE=DATE:{day:%Y%m%d}"
    return f"{name};TZID={activity.timezone.key}:{day:%Y%m%d}T{time:%H%M%S}"


def _occurrence_moment(name: str, value: dt.date | dt.datetime, activity: Activity) -> str:
    if isinstance(value, dt.datetime):
        local = value.astimezone(activity.timezone)
        return moment(name, local.date(), local.time(), activity)
    return moment(name, value, None, activity)


def _rrule(activity: Activity) -> str:
    repeat = activity.repeat
    assert repeat is not None, activity.id  # (called for repeating activities only)
    parts = [f"FREQ={repeat.frequency.upper()}"]
    if repeat.interval != 1:
        parts.append(f"INTERVAL={repeat.interval}")
    if repeat.weekday:
        parts.append(f"BYDAY={repeat.weekday}")
    if repeat.count:
        parts.append(f"COUNT={repeat.count}")
    if repeat.until:
        if activity.all_day:
            parts.append(f"UNTIL={repeat.until:%Y%m%d}")  # a DATE, like DTSTART
        else:  # UTC, as RFC 5545 requires when DTSTART has a TZID
            last = dt.datetime.combine(
                repeat.until, activity.start or dt.time.min, activity.timezone
            )
            parts.append(f"UNTIL={_utc(last)}")
    return "RRULE:" + ";".join(parts)


def _shared(activity: Activity, t, url: str, uid_domain: str) -> list[str]:
    """Lines every VEVENT of the activity has (the series and its overrides)."""
    venue = activity.venue
    where = t.ui["place_address"].format(place=t(venue.name), address=t(venue.address))
    lines = [
        f"UID:{activity.id}@{uid_domain}",
        f"DTSTAMP:{_utc_midnight(activity.updated)}",
        f"LAST-MODIFIED:{_utc_midnight(activity.updated)}",
        f"SUMMARY:{text(t(activity.title))}",
        f"LOCATION:{text(where)}",
    ]
    if description := t.describe(activity):
        lines.append(f"DESCRIPTION:{text(description)}")
    lines += [
        f"CATEGORIES:{text(t(activity.category.name))}",
        f"URL:{url}",
        "CLASS:PUBLIC",
    ]
    return lines


def activity_lines(activity: Activity, t, url: str, uid_domain: str) -> list[str]:
    """The VEVENTs of one activity, as unfolded content lines: the event (with its RRULE and
    EXDATEs) and one override per cancelled or moved occurrence."""
    shared = _shared(activity, t, url, uid_domain)
    # All-day DTEND is exclusive: the day after the last day.
    end_day = activity.end_date + dt.timedelta(days=0 if activity.end else 1)
    lines = [
        "BEGIN:VEVENT",
        *shared,
        moment("DTSTART", activity.date, activity.start, activity),
        moment("DTEND", end_day, activity.end, activity),
        f"STATUS:{STATUS[activity.status]}",
    ]
    if activity.repeat is None:
        return [*lines, "END:VEVENT"]
    lines.append(_rrule(activity))
    if activity.repeat.exceptions:
        days = sorted(activity.repeat.exceptions)
        if activity.start is None:
            values = ",".join(f"{d:%Y%m%d}" for d in days)
            lines.append(f"EXDATE;VALUE=DATE:{values}")
        else:
            values = ",".join(f"{d:%Y%m%d}T{activity.start:%H%M%S}" for d in days)
            lines.append(f"EXDATE;TZID={activity.timezone.key}:{values}")
    lines.append("END:VEVENT")
    for occ in occurrences(activity):
        moved = occ.first_day != occ.due or (occ.start and occ.start.time() != activity.start)
        if occ.status == activity.status and not moved:
            continue  # as the series says: no override (a cancelled series needs none)
        lines += [
            "BEGIN:VEVENT",
            *shared,
            moment("RECURRENCE-ID", occ.due, activity.start, activity),
            _occurrence_moment("DTSTART", occ.start or occ.first_day, activity),
            _occurrence_moment("DTEND", occ.end or occ.last_day + dt.timedelta(days=1), activity),
            f"STATUS:{STATUS[occ.status]}",
        ]
        if occ.note:
            lines.append(f"COMMENT:{text(t(occ.note))}")
        lines.append("END:VEVENT")
    return lines


def activity_ics(activity: Activity, t, url: str, uid_domain: str) -> bytes:
    """The serialized VEVENTs of one activity, to be put into any number of feeds."""
    return b"".join(fold(line) for line in activity_lines(activity, t, url, uid_domain))


def calendar_ics(
    events: Iterable[tuple[Activity, bytes]],
    *,
    name: str,
    description: str,
) -> bytes:
    """One feed from activities and their serialized events (see activity_ics)."""
    events = sorted(events, key=lambda pair: pair[0].id)
    activities = [a for a, _ in events]
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{text(name)}",
        f"X-WR-CALNAME:{text(name)}",
        f"DESCRIPTION:{text(description)}",
        f"X-WR-CALDESC:{text(description)}",
        "X-WR-TIMEZONE:Asia/Shanghai",
        # RFC 7986 wants VALUE=DURATION on REFRESH-INTERVAL.
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    zones = sorted({str(a.timezone.key) for a in activities if not a.all_day})
    timezones = b""
    if zones:
        years = [d.year for a in activities for d in _days(a)]
        timezones = b"".join(_timezone(tzid, min(years), max(years)) for tzid in zones)
    # Each event is serialized once and put into every feed that lists it (the feed of all
    # activities, its kind's feed, its own).
    return (
        b"".join(fold(line) for line in head)
        + timezones
        + b"".join(data for _, data in events)
        + b"END:VCALENDAR\r\n"
    )


def _days(activity: Activity) -> list[dt.date]:
    """The days the activity's events fall on (moved occurrences included)."""
    if activity.repeat is None:
        return [activity.date, activity.end_date]
    found = occurrences(activity)
    return [activity.date, *(o.first_day for o in found), *(o.last_day for o in found)]


@cache
def _timezone(tzid: str, first_year: int, last_year: int) -> bytes:
    """A VTIMEZONE covering the years, from icalendar (it knows the zone's rules), once per
    zone and span of years."""
    return Timezone.from_tzid(
        tzid, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year + 1, 1, 1)
    ).to_ical()
