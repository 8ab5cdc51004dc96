"""The calendar's data, checked and modelled: kinds of activity, organisers, activities (single,
several days, repeating) and training courses with their sessions. An activity's repeat rule is
checked in calendar_repeats."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from fedsite.calendar.occurrences import series_dates
from fedsite.calendar.repeats import repeat_rule
from fedsite.directory import data as directory_data
from fedsite.editor_yaml.checker import Checker, check_unique, items
from fedsite.editor_yaml.source import FieldPath
from fedsite.messages.catalogue import Message, message
from fedsite.model import (
    Activity,
    Category,
    Course,
    Organiser,
    Place,
    Registration,
)

SITE_ANCHOR = re.compile(r"[dm]-\d{4}-\d{2}(-\d{2})?")
# The dates of all activities and sessions together, at most: a build's time and memory grow
# with them (about 2 ms and 30 KB each: scripts/benchmarks/calendar_scale.py). A district's
# busy year is about 11,500.
MAX_DATES = 40_000


@dataclass
class DateBudget:
    """How many more dates the calendar takes, as activities are read."""

    left: int = MAX_DATES

    def spend(self, checker: Checker, path: FieldPath, dates: int) -> bool:
        """Take `dates`; False once they are used up, with a message at `path` the first time
        (the data after it is not read further)."""
        was_left, self.left = self.left, self.left - dates
        if self.left >= 0 or was_left < 0:
            return self.left >= 0
        checker.error(path, "calendar.too_many_dates", most=MAX_DATES)
        return False


def categories(checker: Checker) -> dict[str, Category]:
    check_unique(checker, "categories", "category")
    return {
        item["id"]: Category(
            item["id"],
            checker.required_text(item, path, "name"),
            checker.text(item, path, "description"),
        )
        for path, item in items(checker, "categories")
    }


def organisers(checker: Checker) -> dict[str, Organiser]:
    check_unique(checker, "organisers", "organiser")
    return {
        item["id"]: Organiser(item["id"], checker.required_text(item, path, "name"))
        for path, item in items(checker, "organisers")
    }


def _registration(checker: Checker, item: dict, path: FieldPath) -> Registration | None:
    reg = item.get("registration")
    if reg is None:
        return None
    rpath = (*path, "registration")
    cost = reg.get("cost")
    number = reg.get("phone")
    return Registration(
        how=checker.required_text(reg, rpath, "how"),
        deadline=checker.date(reg.get("deadline"), (*rpath, "deadline")),
        places=reg.get("places"),
        free=cost == "free",
        cost=checker.text(reg, rpath, "cost") if isinstance(cost, dict) else None,
        phone=directory_data.phone(
            checker, number["number"], (*rpath, "phone", "number"), number.get("example", False)
        )
        if number
        else None,
        full=reg.get("full", False),
    )


def _when(checker: Checker, item: dict, path: FieldPath):
    """date, start, end, last day; with the checks that concern them."""
    day = checker.date(item["date"], (*path, "date"))
    end_date = checker.date(item.get("end_date"), (*path, "end_date"))
    start, end = checker.time(item.get("start")), checker.time(item.get("end"))
    if item.get("all_day"):
        if start or end:
            checker.error((*path, "start" if start else "end"), "calendar.all_day_with_times")
            start = end = None
    elif start is None or end is None:
        checker.error((*path, "end" if start else "date"), "calendar.start_or_end_missing")
    if day and end_date and end_date < day:
        checker.error((*path, "end_date"), "calendar.end_date_before", end_date=end_date, day=day)
    elif day and start and end and (end_date or day) == day and end <= start:
        checker.error((*path, "end"), "calendar.end_not_after_start", end=end, start=start)
    return day, start, end, end_date or day


def _about(checker: Checker, item: dict, path: FieldPath, tables, updated_default) -> dict:
    """What activities and courses share: kind, organiser, texts, sign-up, last change."""
    categories, _places, organisers = tables
    return {
        "category": checker.reference(
            categories, item["category"], (*path, "category"), "category", "categories.yml"
        ),
        "organiser": checker.reference(
            organisers, item.get("organiser"), (*path, "organiser"), "organiser", "organisers.yml"
        ),
        "description": checker.text(item, path, "description"),
        "audience": checker.text(item, path, "audience"),
        "accessibility": checker.text(item, path, "accessibility"),
        "registration": _registration(checker, item, path),
        "updated": checker.date(item.get("updated"), (*path, "updated")) or updated_default,
    }


def _venue(checker: Checker, places, item: dict, path: FieldPath) -> Place | None:
    return checker.reference(places, item["venue"], (*path, "venue"), "place", "places.yml")


def activities(
    checker: Checker, tables, updated_default: dt.date, budget: DateBudget
) -> list[Activity]:
    out = []
    for path, item in items(checker, "activities"):
        before = len(checker.problems)
        about = _about(checker, item, path, tables, updated_default)
        venue = _venue(checker, tables[1], item, path)
        zone = checker.timezone(item.get("timezone"), (*path, "timezone"))
        day, start, end, last = _when(checker, item, path)
        repeat = repeat_rule(checker, item, path, day, start)
        if len(checker.problems) > before or venue is None or day is None:
            continue
        dates = len(series_dates(repeat, day, start)) if repeat else 1
        if not budget.spend(checker, path, dates):
            break
        out.append(
            Activity(
                id=item["id"],
                title=checker.required_text(item, path, "title"),
                venue=venue,
                date=day,
                start=start,
                end=end,
                end_date=last,
                timezone=zone or venue.timezone,
                status=item.get("status", "scheduled"),
                repeat=repeat,
                **about,
            )
        )
    return out


def courses(checker: Checker, tables, updated_default: dt.date, budget: DateBudget) -> list[Course]:
    out = []
    for path, item in items(checker, "trainings"):
        if not budget.spend(checker, path, len(item["sessions"])):
            break
        before = len(checker.problems)
        about = _about(checker, item, path, tables, updated_default)
        status = item.get("status", "scheduled")
        sessions = []
        for n, session in enumerate(item["sessions"], start=1):
            spath = (*path, "sessions", n - 1)
            venue = _venue(checker, tables[1], session, spath)
            day, start, end, last = _when(checker, session, spath)
            if len(checker.problems) > before or venue is None or day is None:
                continue
            sessions.append(
                Activity(
                    id=f"{item['id']}-{n}",
                    title=checker.required_text(session, spath, "title"),
                    venue=venue,
                    date=day,
                    start=start,
                    end=end,
                    end_date=last,
                    timezone=venue.timezone,
                    status=session.get("status", status),
                    repeat=None,
                    course_id=item["id"],
                    **about,
                )
            )
        if len(checker.problems) > before:
            continue
        out.append(
            Course(
                id=item["id"],
                title=checker.required_text(item, path, "title"),
                status=status,
                sessions=tuple(sessions),
                **about,
            )
        )
    return out


def unique_ids(checkers: dict[str, Checker], activities, courses) -> None:
    """Activity and course ids share one name space, with the ids the site makes from them (a
    course's sessions, <course>-1, <course>-2...): they become web addresses, anchors and UIDs,
    and two events with one UID overwrite each other in a calendar app."""
    seen: dict[str, Message] = {}
    for name, key in (("activities", "activities"), ("trainings", "trainings")):
        checker = checkers[name]
        for path, item in items(checker, key):
            where = message(
                "data.where", file=f"{name}.yml", line=str(checker.source.where(path)[0])
            )
            if item["id"] in seen:
                checker.error(
                    (*path, "id"), "calendar.id_used", id=item["id"], where=seen[item["id"]]
                )
            seen.setdefault(item["id"], where)
    checker = checkers["trainings"]
    for path, item in items(checker, "trainings"):
        for n in range(1, len(item["sessions"]) + 1):
            made = f"{item['id']}-{n}"
            if made in seen:
                checker.error(
                    (*path, "id"), "calendar.session_id_used", n=n, id=made, where=seen[made]
                )
    # A repeating activity's dates are anchored <id>-YYYYMMDD on the month pages, beside the
    # days' and months' own anchors (d-2026-12-05, m-2026-12).
    repeating = {
        item["id"] for _, item in items(checkers["activities"], "activities") if "repeat" in item
    }
    checker = checkers["activities"]
    for path, item in items(checker, "activities"):
        base, _, date = item["id"].rpartition("-")
        one_date = base in repeating and len(date) == 8 and date.isdigit()
        if one_date or SITE_ANCHOR.fullmatch(item["id"]):
            checker.error((*path, "id"), "calendar.id_like_a_date", id=item["id"])
