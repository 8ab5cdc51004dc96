"""Load, check and model the data editors keep in data/: the directory (townships, services,
hotlines, places; see directory_data) and the calendar (categories, organisers, activities and
training courses; see calendar_data). Every problem in every file is collected and reported at
once, each with file:line:column, the field, what is wrong and how to fix it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from fedsite.calendar import data as calendar_data
from fedsite.directory import data as directory_data
from fedsite.editor_yaml.checker import Checker
from fedsite.editor_yaml.schema_check import check_against_schema
from fedsite.editor_yaml.source import YamlSource, load_yaml
from fedsite.messages.problems import DataError, Problem
from fedsite.model import SiteData
from fedsite.resources import SCHEMAS
from fedsite.search import data as search_data

FILES = (
    "townships",
    "services",
    "hotlines",
    "categories",
    "places",
    "organisers",
    "activities",
    "trainings",
    "search",
)
CALENDAR = ("activities", "trainings")  # their dates are the calendar's (Checker.in_window)


def load_site_data(
    data_dir: Path,
    languages: Sequence[str],
    updated_default: Callable[[Path], dt.date],
    docs_dir: Path | None = None,
    today: dt.date | None = None,
) -> SiteData:
    """Load every data file of `data_dir`; raise DataError listing all problems.

    `updated_default(path)` dates entries without `updated:` (DTSTAMP must come from the data,
    not the clock): the file's last commit, say. With `docs_dir`, the pages that services.yml
    names must exist. With the build's `today`, the calendar's dates must be near it."""
    sources: dict[str, YamlSource] = {}
    problems: list[Problem] = []
    for name in FILES:
        try:
            source = load_yaml(data_dir / f"{name}.yml")
        except DataError as exc:
            problems += exc.problems
            continue
        shape = check_against_schema(source, SCHEMAS, f"{name}.schema.json")
        if shape:
            problems += shape
            continue
        sources[name] = source
    if problems:  # the rest builds on well-formed files; report these first
        raise DataError(problems)

    checkers = {
        name: Checker(source, languages, today=today if name in CALENDAR else None)
        for name, source in sources.items()
    }
    townships = directory_data.townships(checkers["townships"])
    services = directory_data.services(checkers["services"], docs_dir)
    hotlines = directory_data.hotlines(checkers["hotlines"])
    categories = calendar_data.categories(checkers["categories"])
    places = directory_data.places(checkers["places"], townships, services)
    organisers = calendar_data.organisers(checkers["organisers"])
    tables = (categories, places, organisers)
    budget = calendar_data.DateBudget()
    activities = calendar_data.activities(
        checkers["activities"], tables, updated_default(data_dir / "activities.yml"), budget
    )
    courses = calendar_data.courses(
        checkers["trainings"], tables, updated_default(data_dir / "trainings.yml"), budget
    )
    search = search_data.search_words(checkers["search"], docs_dir)
    every = [*activities, *(s for c in courses for s in c.sessions)]
    calendar_data.unique_ids(checkers, every, courses)
    problems = [p for c in checkers.values() for p in c.problems]
    if problems:
        raise DataError(problems)
    warnings = [w for c in checkers.values() for w in c.warnings]
    ignored: Counter[str] = Counter()
    for checker in checkers.values():
        ignored.update(checker.ignored)
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
        search,
        dict(sorted(ignored.items())),
    )
