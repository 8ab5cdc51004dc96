"""Load, check and model the data editors keep in data/: the directory (townships, services,
hotlines, places; see contacts_data) and the calendar (categories, organisers, activities and
training courses). Every problem in every file is collected and reported at once, each with
file:line:column, the field, what is wrong and how to fix it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from fedsite import contacts_data
from fedsite.checker import Checker, check_unique, items
from fedsite.contacts_data import Hotline, Place, Service, Township
from fedsite.errors import DataError, Problem
from fedsite.schema_check import check_against_schema
from fedsite.texts import Text
from fedsite.yaml_source import FieldPath, YamlSource, load_yaml

FILES = (
    "townships",
    "services",
    "hotlines",
    "categories",
    "places",
    "organisers",
    "activities",
    "trainings",
)
SITE_ANCHOR = re.compile(r"[dm]-\d{4}-\d{2}(-\d{2})?")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Category:
    id: str
    name: Text
    description: Text | None


@dataclass(frozen=True)
class Organiser:
    id: str
    name: Text


@dataclass(frozen=True)
class Registration:
    how: Text
    deadline: dt.date | None
    places: int | None
    free: bool
    cost: Text | None


@dataclass(frozen=True)
class Change:
    date: dt.date  # the date the occurrence was due
    cancelled: bool
    moved_date: dt.date | None
    moved_start: dt.time | None
    moved_end: dt.time | None
    note: Text | None


@dataclass(frozen=True)
class Repeat:
    frequency: str  # weekly | monthly
    interval: int
    weekday: str | None  # monthly only: "2SA", "-1FR"
    until: dt.date | None
    count: int | None
    exceptions: tuple[dt.date, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Activity:
    id: str
    title: Text
    category: Category
    venue: Place
    organiser: Organiser | None
    date: dt.date
    start: dt.time | None  # None for all-day events
    end: dt.time | None
    end_date: dt.date  # last day (inclusive); = date for one-day events
    timezone: ZoneInfo
    status: str  # scheduled | cancelled | postponed
    description: Text | None
    audience: Text | None
    registration: Registration | None
    accessibility: Text | None
    repeat: Repeat | None
    updated: dt.date
    course_id: str | None = None  # set for a training course's sessions

    @property
    def all_day(self) -> bool:
        return self.start is None


@dataclass(frozen=True)
class Course:
    id: str
    title: Text
    category: Category
    organiser: Organiser | None
    status: str
    description: Text | None
    audience: Text | None
    registration: Registration | None
    accessibility: Text | None
    updated: dt.date
    sessions: tuple[Activity, ...]


@dataclass(frozen=True)
class SiteData:
    categories: dict[str, Category]
    places: dict[str, Place]
    organisers: dict[str, Organiser]
    activities: tuple[Activity, ...]  # including training sessions
    courses: tuple[Course, ...]
    townships: dict[str, Township] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    hotlines: tuple[Hotline, ...] = ()
    warnings: tuple[Problem, ...] = ()


def load_site_data(
    data_dir: Path,
    languages: Sequence[str],
    updated_default: Callable[[Path], dt.date],
    docs_dir: Path | None = None,
) -> SiteData:
    """Load every data file of `data_dir`; raise DataError listing all problems.

    `updated_default(path)` dates entries without `updated:` (DTSTAMP must come from the data,
    not the clock): the file's last commit, say. With `docs_dir`, the pages that services.yml
    names must exist."""
    sources: dict[str, YamlSource] = {}
    problems: list[Problem] = []
    for name in FILES:
        try:
            source = load_yaml(data_dir / f"{name}.yml")
        except DataError as exc:
            problems += exc.problems
            continue
        shape = check_against_schema(source, data_dir / "schemas", f"{name}.schema.json")
        if shape:
            problems += shape
            continue
        sources[name] = source
    if problems:  # the rest builds on well-formed files; report these first
        raise DataError(problems)

    checkers = {name: Checker(source, languages) for name, source in sources.items()}
    townships = contacts_data.townships(checkers["townships"])
    services = contacts_data.services(checkers["services"], docs_dir)
    hotlines = contacts_data.hotlines(checkers["hotlines"])
    categories = _categories(checkers["categories"])
    places = contacts_data.places(checkers["places"], townships, services)
    organisers = _organisers(checkers["organisers"])
    tables = (categories, places, organisers)
    activities = _activities(
        checkers["activities"], tables, updated_default(data_dir / "activities.yml")
    )
    courses = _courses(checkers["trainings"], tables, updated_default(data_dir / "trainings.yml"))
    every = [*activities, *(s for c in courses for s in c.sessions)]
    _unique_ids(checkers, every, courses)
    problems = [p for c in checkers.values() for p in c.problems]
    if problems:
        raise DataError(problems)
    warnings = [w for c in checkers.values() for w in c.warnings]
    return SiteData(
        categories,
        places,
        organisers,
        tuple(every),
        tuple(courses),
        townships,
        services,
        hotlines,
        tuple(warnings),
    )


def _categories(checker: Checker) -> dict[str, Category]:
    check_unique(checker, "categories", "category")
    return {
        item["id"]: Category(
            item["id"], checker.text(item, path, "name"), checker.text(item, path, "description")
        )
        for path, item in items(checker, "categories")
    }


def _organisers(checker: Checker) -> dict[str, Organiser]:
    check_unique(checker, "organisers", "organiser")
    return {
        item["id"]: Organiser(item["id"], checker.text(item, path, "name"))
        for path, item in items(checker, "organisers")
    }


def _registration(checker: Checker, item: dict, path: FieldPath) -> Registration | None:
    reg = item.get("registration")
    if reg is None:
        return None
    rpath = (*path, "registration")
    cost = reg.get("cost")
    return Registration(
        how=checker.text(reg, rpath, "how"),
        deadline=checker.date(reg.get("deadline"), (*rpath, "deadline")),
        places=reg.get("places"),
        free=cost == "free",
        cost=checker.text(reg, rpath, "cost") if isinstance(cost, dict) else None,
    )


def _when(checker: Checker, item: dict, path: FieldPath):
    """date, start, end, last day; with the checks that concern them."""
    day = checker.date(item["date"], (*path, "date"))
    end_date = checker.date(item.get("end_date"), (*path, "end_date"))
    start, end = checker.time(item.get("start")), checker.time(item.get("end"))
    if item.get("all_day"):
        if start or end:
            checker.error(
                (*path, "start" if start else "end"),
                "an all-day event has no start or end time",
                "remove start and end, or remove all_day",
            )
            start = end = None
    elif start is None or end is None:
        checker.error(
            (*path, "end" if start else "date"),
            "missing start or end time",
            'give both, e.g. start: "09:00" and end: "11:30", or all_day: true',
        )
    if day and end_date and end_date < day:
        checker.error(
            (*path, "end_date"),
            f"end_date {end_date} is before date {day}",
            "swap them, or correct the end date",
        )
    elif day and start and end and (end_date or day) == day and end <= start:
        checker.error(
            (*path, "end"),
            f"the end time {end:%H:%M} is not after the start {start:%H:%M}",
            "check the times (24-hour clock: 2 pm is 14:00)",
        )
    return day, start, end, end_date or day


def _repeat(
    checker: Checker, item: dict, path: FieldPath, day: dt.date | None, start: dt.time | None
) -> Repeat | None:
    rep = item.get("repeat")
    if rep is None:
        return None
    rpath = (*path, "repeat")
    until = checker.date(rep.get("until"), (*rpath, "until"))
    if ("until" in rep) == ("count" in rep):
        checker.error(
            rpath,
            "give either until (a last date) or count (a number of times)",
            "add 'until: YYYY-MM-DD' or 'count: N', not both",
        )
    if until and day and until < day:
        checker.error(
            (*rpath, "until"), f"until {until} is before the first date {day}", "correct the date"
        )
    weekday = rep.get("weekday")
    if weekday and rep["frequency"] != "monthly":
        checker.error(
            (*rpath, "weekday"),
            "weekday is for monthly events",
            "weekly events repeat on the weekday of their date: remove it",
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
        changes=tuple(_changes(checker, rep, rpath)),
    )
    if day is None or checker.problems:
        return repeat
    # Imported here: occurrences needs the model defined above.
    from fedsite.occurrences import series_dates

    dates = set(series_dates(repeat, day, start))
    if day not in dates:
        checker.error(
            (*path, "date"),
            f"{day} is not a {weekday} date",
            "set date to the first date the event happens",
        )
    for i, exception in enumerate(repeat.exceptions):
        if exception not in dates:
            checker.error(
                (*rpath, "except", i),
                f"the event does not repeat on {exception}",
                "check the date against the repeat rule",
            )
    for i, change in enumerate(repeat.changes):
        if change.date not in dates:
            checker.error(
                (*rpath, "changes", i, "date"),
                f"the event does not repeat on {change.date}",
                "give the date the occurrence was due",
            )
    return repeat


def _changes(checker: Checker, rep: dict, rpath: FieldPath):
    for i, change in enumerate(rep.get("changes", [])):
        cpath = (*rpath, "changes", i)
        moved = change.get("moved_to")
        if ("status" in change) == (moved is not None):
            checker.error(
                cpath, "a change needs either status: cancelled or moved_to", "give one of them"
            )
        day = checker.date(change["date"], (*cpath, "date"))
        if day is None:
            continue
        yield Change(
            date=day,
            cancelled=change.get("status") == "cancelled",
            moved_date=checker.date(moved["date"], (*cpath, "moved_to", "date")) if moved else None,
            moved_start=checker.time(moved.get("start")) if moved else None,
            moved_end=checker.time(moved.get("end")) if moved else None,
            note=checker.text(change, cpath, "note"),
        )


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


def _activities(checker: Checker, tables, updated_default: dt.date) -> list[Activity]:
    out = []
    for path, item in items(checker, "activities"):
        before = len(checker.problems)
        about = _about(checker, item, path, tables, updated_default)
        venue = _venue(checker, tables[1], item, path)
        zone = checker.timezone(item.get("timezone"), (*path, "timezone"))
        day, start, end, last = _when(checker, item, path)
        repeat = _repeat(checker, item, path, day, start)
        if len(checker.problems) > before:
            continue
        out.append(
            Activity(
                id=item["id"],
                title=checker.text(item, path, "title"),
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


def _courses(checker: Checker, tables, updated_default: dt.date) -> list[Course]:
    out = []
    for path, item in items(checker, "trainings"):
        before = len(checker.problems)
        about = _about(checker, item, path, tables, updated_default)
        status = item.get("status", "scheduled")
        sessions = []
        for n, session in enumerate(item["sessions"], start=1):
            spath = (*path, "sessions", n - 1)
            venue = _venue(checker, tables[1], session, spath)
            day, start, end, last = _when(checker, session, spath)
            if len(checker.problems) > before:
                continue
            sessions.append(
                Activity(
                    id=f"{item['id']}-{n}",
                    title=checker.text(session, spath, "title"),
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
                title=checker.text(item, path, "title"),
                status=status,
                sessions=tuple(sessions),
                **about,
            )
        )
    return out


def _unique_ids(checkers: dict[str, Checker], activities, courses) -> None:
    """Activity and course ids share one name space, with the ids the site makes from them (a
    course's sessions, <course>-1, <course>-2...): they become web addresses, anchors and UIDs,
    and two events with one UID overwrite each other in a calendar app."""
    seen: dict[str, str] = {}
    for name, key in (("activities", "activities"), ("trainings", "trainings")):
        checker = checkers[name]
        for path, item in items(checker, key):
            where = f"{name}.yml line {checker.source.where(path)[0]}"
            if item["id"] in seen:
                checker.error(
                    (*path, "id"),
                    f"the id '{item['id']}' is already used ({seen[item['id']]})",
                    "give each activity its own id",
                )
            seen.setdefault(item["id"], where)
    checker = checkers["trainings"]
    for path, item in items(checker, "trainings"):
        for n in range(1, len(item["sessions"]) + 1):
            made = f"{item['id']}-{n}"
            if made in seen:
                checker.error(
                    (*path, "id"),
                    f"session {n} of this course gets the id '{made}', which is already used "
                    f"({seen[made]})",
                    "give the course or the other entry another id",
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
            checker.error(
                (*path, "id"),
                f"'{item['id']}' looks like an id the site gives a date or a month",
                "choose an id that does not end in a date",
            )
