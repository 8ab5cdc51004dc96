"""When activities happen: a repeating activity becomes its dated occurrences, with exception
dates left out and single occurrences cancelled or moved. dateutil expands the same RRULE the
iCalendar feeds publish, so pages and feeds agree."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday
from dateutil.rrule import weekdays as DATEUTIL_WEEKDAYS

from fedsite.model import WEEKDAYS, Activity, Occurrence, Repeat, SiteData

WEEKDAY_RULE = re.compile(r"^(?P<n>[1-4]|-1)?(?P<day>MO|TU|WE|TH|FR|SA|SU)$")


def rrule_weekday(rule: str) -> weekday:
    match = WEEKDAY_RULE.match(rule)
    assert match, rule
    day = DATEUTIL_WEEKDAYS[WEEKDAYS.index(match["day"])]
    return day(int(match["n"])) if match["n"] else day


def _rule(repeat: Repeat, day: dt.date, start: dt.time | None) -> rrule:
    first = dt.datetime.combine(day, start or dt.time.min)
    kwargs: dict[str, Any] = {}
    if repeat.weekday:
        kwargs["byweekday"] = rrule_weekday(repeat.weekday)
    if repeat.until:
        kwargs["until"] = dt.datetime.combine(repeat.until, dt.time.max)
    if repeat.count:
        kwargs["count"] = repeat.count
    frequency = WEEKLY if repeat.frequency == "weekly" else MONTHLY
    return rrule(frequency, dtstart=first, interval=repeat.interval, **kwargs)  # type: ignore[arg-type]


def series_dates(repeat: Repeat, day: dt.date, start: dt.time | None) -> list[dt.date]:
    """Every date the rule gives, before exceptions and changes."""
    return [moment.date() for moment in _rule(repeat, day, start)]


def occurrences(activity: Activity) -> list[Occurrence]:
    span = activity.end_date - activity.date
    if activity.repeat is None:
        dates = [activity.date]
    else:
        skipped = set(activity.repeat.exceptions)
        dates = [
            d
            for d in series_dates(activity.repeat, activity.date, activity.start)
            if d not in skipped
        ]
    changes = {c.date: c for c in activity.repeat.changes} if activity.repeat else {}
    out = []
    for due in dates:
        change = changes.get(due)
        day, start, end, status = due, activity.start, activity.end, activity.status
        if change and change.cancelled:
            status = "cancelled"
        elif change and change.moved_date:
            day = change.moved_date
            start, end = change.moved_start or start, change.moved_end or end
            # A cancelled or postponed series stays so on its moved dates too.
            status = "moved" if status == "scheduled" else status
        last = day + span
        out.append(
            Occurrence(
                activity=activity,
                due=due,
                start=dt.datetime.combine(day, start, activity.timezone) if start else None,
                end=dt.datetime.combine(last, end, activity.timezone) if end else None,
                first_day=day,
                last_day=last,
                status=status,
                note=change.note if change else None,
            )
        )
    return out


def all_occurrences(data: SiteData) -> list[Occurrence]:
    return sorted((o for a in data.activities for o in occurrences(a)), key=lambda o: o.sort_key)


def double_bookings(items: list[Occurrence]) -> list[list[Occurrence]]:
    """Occurrences at one place at overlapping times (cancelled ones aside), in groups: each
    group is a run of occurrences each of which starts before an earlier one of the run is
    over, by start time. One sort per place, so thousands at one time check in a moment
    (every pair of them would be millions)."""
    by_place: dict[str, list[tuple[dt.datetime, dt.datetime, Occurrence]]] = defaultdict(list)
    for occ in items:
        if occ.status != "cancelled" and occ.start is not None and occ.end is not None:
            by_place[occ.activity.venue.id].append((occ.start, occ.end, occ))
    clashes = []
    for booked in by_place.values():
        booked.sort(key=lambda timed: (timed[0], timed[2].activity.id))
        group: list[Occurrence] = []
        over = dt.datetime.min  # when the last of the group's occurrences is over
        for start, end, occ in booked:
            if group and start < over:
                group.append(occ)
                over = max(over, end)
                continue
            if len(group) > 1:
                clashes.append(group)
            group, over = [occ], end
        if len(group) > 1:
            clashes.append(group)
    return sorted(clashes, key=lambda group: (group[0].start, group[0].activity.venue.id))
