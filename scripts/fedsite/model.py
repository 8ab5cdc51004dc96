"""The site's data model: what the data files describe, once checked (each feature's data.py
builds it, site_data.py calls them; the calendar and directory pages, feeds and vCards read
it). Plain frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from fedsite.localization.texts import Text
from fedsite.messages.problems import Problem

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Kinds of place the directory lists, in the order it lists them within a township.
DIRECTORY_KINDS = ("district-federation", "federation", "service-centre", "womens-home")


@dataclass(frozen=True)
class Township:
    id: str
    name: Text


@dataclass(frozen=True)
class Service:
    id: str
    name: Text
    page: str  # docs path of the (default-language) page, e.g. services/legal-rights.md


@dataclass(frozen=True)
class Phone:
    display: str  # as people write it: "023 5812 3456", "12338"
    uri: str  # tel:+862358123456, tel:12338
    e164: str | None  # +862358123456 (none for short numbers)
    label: Text | None
    example: bool


@dataclass(frozen=True)
class Hotline:
    phone: Phone
    name: Text
    short: Text | None = None  # its name in the bar at the top of every page, if it is there


@dataclass(frozen=True)
class Place:
    id: str
    kind: str
    township: Township
    name: Text
    address: Text
    timezone: ZoneInfo
    accessibility: Text | None
    phones: tuple[Phone, ...] = ()
    hours: Text | None = None
    wechat: str | None = None
    qq: str | None = None
    services: tuple[Service, ...] = ()
    location: tuple[float, float] | None = None  # (latitude, longitude), as Amap gives them

    @property
    def in_directory(self) -> bool:
        return self.kind != "venue"


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
    phone: Phone | None = None  # the number to call to sign up
    full: bool = False  # every place is taken


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
class Occurrence:
    activity: Activity
    due: dt.date  # the date it was due: its RECURRENCE-ID
    start: dt.datetime | None  # aware; None for all-day events
    end: dt.datetime | None
    first_day: dt.date
    last_day: dt.date  # inclusive
    status: str  # scheduled | cancelled | postponed | moved
    note: Text | None = None

    @property
    def anchor(self) -> str:
        """Stable across rebuilds: the activity's id, and for a series the date it was due."""
        if self.activity.repeat is None:
            return self.activity.id
        return f"{self.activity.id}-{self.due:%Y%m%d}"

    @property
    def sort_key(self) -> tuple:
        return (
            self.first_day,
            self.start.timetz() if self.start else dt.time.min,
            self.activity.id,
        )


@dataclass(frozen=True)
class Synonyms:
    """Words people type (by language) that should find these pages (site paths such as
    'services/legal-rights/'); `help`: the helplines come first for them."""

    pages: tuple[str, ...]
    words: dict[str, tuple[str, ...]]
    help: bool = False


@dataclass(frozen=True)
class SearchWords:
    """data/search.yml: what search should understand beyond the pages' own words."""

    synonyms: tuple[Synonyms, ...] = ()
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # phrases kept whole


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
    search: SearchWords = SearchWords()
    ignored: Mapping[str, int] = field(default_factory=dict)  # texts of languages not built


@dataclass(frozen=True)
class CalendarSettings:
    upcoming_weeks: int = 8  # how far the "upcoming" page looks ahead
    upcoming_max: int = 150  # at most this many entries on it (a district has thousands)
    per_category: int = 10  # upcoming entries shown per kind of activity
    per_place: int = 5  # upcoming entries shown per place
    recent_months: int = 3  # past months listed in full on the archive page
    home_activities: int = 5  # the next activities the home page lists


@dataclass(frozen=True)
class HomeSettings:
    news_days: int = 183  # news older than this is not shown on the home page


# The pages every language keeps for use offline, by their path in the language's folder.
CORE_PAGES = ("", "services/", "contacts/", "activities/", "training/")


@dataclass(frozen=True)
class OfflineSettings:
    pages: tuple[str, ...] = CORE_PAGES  # precached in every language, with the offline page
    timeout_ms: int = 4000  # how long a page waits for the network before a stored copy
    max_pages: int = 60  # pages she visited that the phone keeps
    max_files: int = 80  # other files it keeps


@dataclass(frozen=True)
class NewsItem:
    page: str  # docs path of the Chinese page: news/2016-09-officials-training.md
    date: dt.date
    titles: dict[str, str] = field(hash=False)  # locale -> the page's title in that language
