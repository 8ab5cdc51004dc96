"""A repeating activity's rule, checked and modelled: how often, until when or how many times,
the dates left out, and the dates cancelled or moved (each must be a date the rule gives)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from fedsite.calendar.occurrences import series_dates
from fedsite.editor_yaml.checker import FUTURE_YEARS, Checker
from fedsite.editor_yaml.source import FieldPath
from fedsite.model import Change, Repeat


def repeat_rule(
    checker: Checker, item: dict, path: FieldPath, day: dt.date | None, start: dt.time | None
) -> Repeat | None:
    """The repeat rule of an activity starting on `day` at `start`, checked against its dates:
    the first date, the exceptions and the changes must be dates the rule gives."""
    rep = item.get("repeat")
    if rep is None:
        return None
    before = len(checker.problems)  # this activity's own mistakes, not the file's
    rpath = (*path, "repeat")
    until = checker.date(rep.get("until"), (*rpath, "until"))
    if ("until" in rep) == ("count" in rep):
        checker.error(rpath, "repeat.until_or_count")
    if until and day and until < day:
        checker.error((*rpath, "until"), "repeat.until_before_first", until=until, day=day)
    weekday = rep.get("weekday")
    if weekday and rep["frequency"] != "monthly":
        checker.error((*rpath, "weekday"), "repeat.weekday_not_monthly")
    repeat = Repeat(
        frequency=rep["frequency"],
        interval=rep.get("interval", 1),
        weekday=weekday,
        until=until,
        count=rep.get("count"),
        exceptions=tuple(
            d
            for i, v in enumerate(rep.get("except", []))
            if (d := checker.date(v, (*rpath, "except", i)))
        ),
        changes=tuple(_changes(checker, rep, rpath, "end_date" in item)),
    )
    if day and day.day > 28 and rep["frequency"] == "monthly" and not weekday:
        # As iCalendar does: a month without that day (the 31st in April) is left out.
        checker.warn((*path, "date"), "repeat.day_skips_months", day=day.day)
    if day is None or len(checker.problems) > before:
        return repeat
    dates = set(series_dates(repeat, day, start))
    if repeat.count and max(dates) > checker.latest:  # (`until` is checked as a date)
        checker.error(
            (*rpath, "count"),
            "repeat.count_too_far",
            times=repeat.count,
            last=max(dates),
            count=FUTURE_YEARS,
            latest=checker.latest,
        )
        return repeat
    if day not in dates:
        checker.error((*path, "date"), "repeat.not_on_weekday", day=day, weekday=weekday)
    for i, exception in enumerate(repeat.exceptions):
        if exception not in dates:
            checker.error((*rpath, "except", i), "repeat.except_not_a_date", day=exception)
    for i, change in enumerate(repeat.changes):
        if change.date not in dates:
            checker.error(
                (*rpath, "changes", i, "date"), "repeat.change_not_a_date", day=change.date
            )
    return repeat


def _changes(checker: Checker, rep: dict, rpath: FieldPath, multi_day: bool) -> Iterator[Change]:
    """The dates cancelled or moved. `multi_day`: the event lasts several days, so a moved end
    time may be before the start time."""
    for i, change in enumerate(rep.get("changes", [])):
        cpath = (*rpath, "changes", i)
        moved = change.get("moved_to")
        if ("status" in change) == (moved is not None):
            checker.error(cpath, "repeat.change_needs_one")
        day = checker.date(change["date"], (*cpath, "date"))
        if day is None:
            continue
        start = checker.time(moved.get("start")) if moved else None
        end = checker.time(moved.get("end")) if moved else None
        if (start is None) != (end is None):
            checker.error(
                (*cpath, "moved_to", "end" if start else "start"), "repeat.moved_needs_both"
            )
        elif start and end and end <= start and not multi_day:
            checker.error(
                (*cpath, "moved_to", "end"), "calendar.end_not_after_start", end=end, start=start
            )
        yield Change(
            date=day,
            cancelled=change.get("status") == "cancelled",
            moved_date=checker.date(moved["date"], (*cpath, "moved_to", "date")) if moved else None,
            moved_start=start,
            moved_end=end,
            note=checker.text(change, cpath, "note"),
        )
