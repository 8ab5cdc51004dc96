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
        checker.error(
            rpath,
            "give either until (a last date) or count (a number of times)",
            "add 'until: YYYY-MM-DD' or 'count: N', not both",
            (
                "写 until（最后一天）或 count（次数），只写一个",
                "加 until: 年-月-日 或 count: 次数，不要两个都写",
            ),
        )
    if until and day and until < day:
        checker.error(
            (*rpath, "until"),
            f"until {until} is before the first date {day}",
            "correct the date",
            (f"最后一天 {until} 比第一天 {day} 还早", "改正日期"),
        )
    weekday = rep.get("weekday")
    if weekday and rep["frequency"] != "monthly":
        checker.error(
            (*rpath, "weekday"),
            "weekday is for monthly events",
            "weekly events repeat on the weekday of their date: remove it",
            (
                "weekday 只用于每月重复的活动",
                "每周重复的活动就在 date 那天的星期几举办：删掉 weekday",
            ),
        )
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
        checker.warn(
            (*path, "date"),
            f"a monthly event on day {day.day} skips the months that have no day {day.day}",
            "if it should happen every month, pick a day up to the 28th, or a weekday "
            "('weekday: -1FR' for the last Friday)",
            (
                f"每月 {day.day} 号的活动，在没有 {day.day} 号的月份不举办",
                "如果每个月都要办，选 28 号以前的日子，或者按星期几"
                "（weekday: -1FR 是最后一个星期五）",
            ),
        )
    if day is None or len(checker.problems) > before:
        return repeat
    dates = set(series_dates(repeat, day, start))
    if repeat.count and max(dates) > checker.latest:  # (`until` is checked as a date)
        checker.error(
            (*rpath, "count"),
            f"{repeat.count} times would go on until {max(dates)}, more than {FUTURE_YEARS} "
            f"years from today: the calendar takes dates up to {checker.latest}",
            "give fewer times, and add more later",
            (
                f"{repeat.count} 次要一直办到 {max(dates)}，离今天超过 {FUTURE_YEARS} 年："
                f"日历只收到 {checker.latest} 为止的日期",
                "少写几次，以后再加",
            ),
        )
        return repeat
    if day not in dates:
        checker.error(
            (*path, "date"),
            f"{day} is not a {weekday} date",
            "set date to the first date the event happens",
            (f"{day} 不是规定的那个星期几（{weekday}）", "把 date 改成活动第一次举办的日期"),
        )
    for i, exception in enumerate(repeat.exceptions):
        if exception not in dates:
            checker.error(
                (*rpath, "except", i),
                f"the event does not repeat on {exception}",
                "check the date against the repeat rule",
                (f"这个活动在 {exception} 本来就不举办", "对照重复规则检查这个日期"),
            )
    for i, change in enumerate(repeat.changes):
        if change.date not in dates:
            checker.error(
                (*rpath, "changes", i, "date"),
                f"the event does not repeat on {change.date}",
                "give the date the occurrence was due",
                (f"这个活动在 {change.date} 本来就不举办", "写这次活动原来的日期"),
            )
    return repeat


def _changes(checker: Checker, rep: dict, rpath: FieldPath, multi_day: bool) -> Iterator[Change]:
    """The dates cancelled or moved. `multi_day`: the event lasts several days, so a moved end
    time may be before the start time."""
    for i, change in enumerate(rep.get("changes", [])):
        cpath = (*rpath, "changes", i)
        moved = change.get("moved_to")
        if ("status" in change) == (moved is not None):
            checker.error(
                cpath,
                "a change needs either status: cancelled or moved_to",
                "give one of them",
                ("改动要写 status: cancelled（取消）或 moved_to（改期）", "写其中一个"),
            )
        day = checker.date(change["date"], (*cpath, "date"))
        if day is None:
            continue
        start = checker.time(moved.get("start")) if moved else None
        end = checker.time(moved.get("end")) if moved else None
        if (start is None) != (end is None):
            checker.error(
                (*cpath, "moved_to", "end" if start else "start"),
                "a date moved to other times needs both start and end",
                'give both, e.g. start: "14:00" and end: "15:30"',
                (
                    "改到别的时间，开始和结束时间都要写",
                    '两个都写，如 start: "14:00" 和 end: "15:30"',
                ),
            )
        elif start and end and end <= start and not multi_day:
            checker.error(
                (*cpath, "moved_to", "end"),
                f"the end time {end:%H:%M} is not after the start {start:%H:%M}",
                "check the times (24-hour clock: 2 pm is 14:00)",
                (
                    f"结束时间 {end:%H:%M} 没有晚于开始时间 {start:%H:%M}",
                    "检查时间（24 小时制：下午 2 点写 14:00）",
                ),
            )
        yield Change(
            date=day,
            cancelled=change.get("status") == "cancelled",
            moved_date=checker.date(moved["date"], (*cpath, "moved_to", "date")) if moved else None,
            moved_start=start,
            moved_end=end,
            note=checker.text(change, cpath, "note"),
        )
