"""The calendar's pages, in one language: upcoming activities, month pages, the archive, the
activities by kind and by place, and training courses. Each view renders Markdown headings
(for the table of contents) and HTML blocks from the Jinja macros in templates/."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property

from fedsite.calendar_data import Activity, SiteData
from fedsite.directory_paths import place_path
from fedsite.escaping import markdown_heading
from fedsite.languages import absolute_url
from fedsite.localize import Localizer
from fedsite.occurrences import Occurrence, all_occurrences
from fedsite.templates import macros

SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "moved": "https://schema.org/EventRescheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}


@dataclass(frozen=True)
class CalendarSettings:
    upcoming_weeks: int = 8  # how far the "upcoming" page looks ahead
    upcoming_max: int = 150  # at most this many entries on it (a district has thousands)
    per_category: int = 10  # upcoming entries shown per kind of activity
    per_place: int = 5  # upcoming entries shown per place
    recent_months: int = 3  # past months listed in full on the archive page


@cache  # pure, and called for every link of every card
def relative_link(page_url: str, target: str) -> str:
    """A link from the page at `page_url` ('en/activities/') to a site path
    ('en/activities/months/2026-12/#x'), relative, as MkDocs writes its own links."""
    path, _, fragment = target.partition("#")
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath(path or page_dir, page_dir.rstrip("/") or ".")
    if rel == ".":
        rel = "./" if path else ""
    elif path.endswith("/"):
        rel += "/"
    return rel + (f"#{fragment}" if fragment else "")


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_path(month: dt.date) -> str:
    return f"activities/months/{month:%Y-%m}/"


@dataclass
class CalendarSite:
    data: SiteData
    today: dt.date
    site_url: str
    settings: CalendarSettings = field(default_factory=CalendarSettings)

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        return all_occurrences(self.data)

    @cached_property
    def months(self) -> list[dt.date]:
        """First days of the months that have activities, and of this month."""
        found = {month_start(o.first_day) for o in self.occurrences}
        return sorted(found | {month_start(self.today)})

    @cached_property
    def by_month(self) -> dict[dt.date, list[Occurrence]]:
        grouped = defaultdict(list)
        for occ in self.occurrences:
            grouped[month_start(occ.first_day)].append(occ)
        return grouped

    @cached_property
    def upcoming(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.last_day >= self.today]

    @cached_property
    def upcoming_by_place(self) -> dict[str, list[Occurrence]]:
        grouped = defaultdict(list)
        for occ in self.upcoming:
            grouped[occ.activity.venue.id].append(occ)
        return grouped

    def _macros(self):
        return macros("calendar.md.j2")

    # Paths ---------------------------------------------------------------------------------

    def event_page(self, occ: Occurrence) -> str:
        """Site path (within a language) of the page that holds the occurrence in full."""
        if occ.activity.course_id:
            return "training/"
        return month_path(month_start(occ.first_day))

    def feed_path(self, category: str = "all") -> str:
        return f"activities/feeds/{category}.ics"

    def ics_path(self, activity: Activity) -> str:
        return f"activities/ics/{activity.course_id or activity.id}.ics"

    # Rendering -----------------------------------------------------------------------------

    def render(self, view: str, argument: str, t: Localizer, page_url: str, home: str) -> str:
        """The Markdown for the marker `<!-- fedsite:view argument -->` on the page at
        `page_url`, in the language whose folder is `home` ('' or 'en/')."""

        def link(target: str) -> str:
            return relative_link(page_url, home + target)

        views: dict[str, Callable[..., list[str]]] = {
            "upcoming": self._upcoming,
            "month": self._month,
            "past": self._past,
            "categories": self._categories,
            "places": self._places,
            "courses": self._courses,
        }
        if view not in views:
            raise ValueError(f"unknown calendar view '{view}'")
        blocks = views[view](t, link, home, argument)
        return "\n\n".join(_tidy(b) for b in blocks if b.strip()) + "\n"

    def _feeds(self, t: Localizer, home: str, category: str = "all", label: str = "") -> str:
        https = absolute_url(self.site_url, home + self.feed_path(category))
        webcal = re.sub(r"^https?:", "webcal:", https)
        return str(self._macros().feed_links(https, webcal, t, label))

    def _cards(self, items, t, link, heading="h3", jsonld=False, home=""):
        m = self._macros()
        return [
            str(m.event_card(o, t, link, heading, self.jsonld(o, t, home) if jsonld else None))
            for o in items
        ]

    def _compact(self, items, t, link) -> str:
        return str(self._macros().compact_list(items, t, link, self.event_page))

    def _next(self, items, limit: int, t, link, none_key: str) -> str:
        """The next few of `items` in short, or a sentence saying there are none."""
        return self._compact(items[:limit], t, link) if items else self._note(t.ui[none_key])

    def _note(self, text: str) -> str:
        return str(self._macros().note(text))

    def _upcoming(self, t, link, home, _argument) -> list[str]:
        horizon = self.today + dt.timedelta(weeks=self.settings.upcoming_weeks)
        shown = [o for o in self.upcoming if o.first_day < horizon][: self.settings.upcoming_max]
        blocks = [self._feeds(t, home)]
        if not shown:
            blocks.append(self._note(t.ui["no_upcoming"]))
        for month, items in _group(shown, lambda o: month_start(o.first_day)):
            blocks.append(markdown_heading(2, t.month(month), f"m-{month:%Y-%m}"))
            blocks += self._cards(items, t, link)
        later = [m for m in self.months if shown and m > month_start(shown[-1].first_day)]
        if later:
            blocks.append(markdown_heading(2, t.ui["later_months"]))
            blocks.append(self._month_links(later, t, link))
        return blocks

    def _month_links(self, months, t, link) -> str:
        counts = {m: len(items) for m, items in self.by_month.items()}
        return str(self._macros().month_links(months, counts, t, link, month_path))

    def _month(self, t, link, home, argument) -> list[str]:
        month = dt.date.fromisoformat(argument + "-01")
        items = self.by_month.get(month, [])
        counts = Counter(o.first_day for o in items if o.status != "cancelled")
        weeks = pycalendar.Calendar(t.first_weekday).monthdatescalendar(month.year, month.month)
        blocks = [str(self._macros().month_table(month, weeks, counts, t))]
        index = self.months.index(month) if month in self.months else -1
        previous = self.months[index - 1] if index > 0 else None
        following = self.months[index + 1] if 0 <= index < len(self.months) - 1 else None
        if previous or following:
            blocks.append(str(self._macros().month_nav(previous, following, t, link, month_path)))
        if not items:
            blocks.append(self._note(t.ui["no_activities_month"]))
        for day, day_items in _group(items, lambda o: o.first_day):
            blocks.append(markdown_heading(2, t.date(day), f"d-{day.isoformat()}"))
            blocks += self._cards(day_items, t, link, jsonld=True, home=home)
        return blocks

    def _past(self, t, link, home, _argument) -> list[str]:
        this_month = month_start(self.today)
        past = [o for o in self.occurrences if o.last_day < self.today]
        months = sorted({month_start(o.first_day) for o in past}, reverse=True)
        recent = months[: self.settings.recent_months]
        blocks = []
        if not past:
            blocks.append(self._note(t.ui["no_past"]))
        grouped = dict(_group(past, lambda o: month_start(o.first_day)))
        for month in recent:
            blocks.append(markdown_heading(2, t.month(month), f"m-{month:%Y-%m}"))
            blocks.append(self._compact(reversed(grouped[month]), t, link))
        older = [m for m in months[len(recent) :] if m < this_month]
        if older:
            blocks.append(markdown_heading(2, t.ui["earlier_months"]))
            blocks.append(self._month_links(older, t, link))
        return blocks

    def _categories(self, t, link, home, _argument) -> list[str]:
        blocks = []
        for category in self.data.categories.values():
            blocks.append(markdown_heading(2, t(category.name), category.id))
            if category.description:
                blocks.append(self._note(t.html(category.description)))
            blocks.append(self._feeds(t, home, category.id, t(category.name)))
            items = [o for o in self.upcoming if o.activity.category is category]
            blocks.append(
                self._next(items, self.settings.per_category, t, link, "no_upcoming_kind")
            )
        return blocks

    def _places(self, t, link, home, _argument) -> list[str]:
        used = {o.activity.venue.id for o in self.occurrences}
        blocks = []
        for place in self.data.places.values():
            if place.id not in used:
                continue
            blocks.append(markdown_heading(2, t(place.name), place.id))
            directory = link(place_path(place)) if place.in_directory else ""
            blocks.append(str(self._macros().place_summary(place, t, directory)))
            items = self.upcoming_by_place.get(place.id, [])
            blocks.append(self._next(items, self.settings.per_place, t, link, "no_upcoming_place"))
        return blocks

    def _courses(self, t, link, home, _argument) -> list[str]:
        m = self._macros()
        blocks = []
        for course in self.data.courses:
            blocks.append(markdown_heading(3, t(course.title), course.id))
            blocks.append(str(m.course(course, self._course_occurrences(course), t, link)))
        if not self.data.courses:
            blocks.append(self._note(t.ui["no_courses"]))
        return blocks

    def _course_occurrences(self, course) -> list[Occurrence]:
        ids = {s.id for s in course.sessions}
        return [o for o in self.occurrences if o.activity.id in ids]

    # Structured data -----------------------------------------------------------------------

    def jsonld(self, occ: Occurrence, t: Localizer, home: str) -> dict:
        a = occ.activity
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": t(a.title),
            "startDate": (occ.start or occ.first_day).isoformat(),
            "endDate": (occ.end or occ.last_day).isoformat(),
            "eventStatus": SCHEMA_STATUS[occ.status],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": t(a.venue.name), "address": t(a.venue.address)},
            "url": absolute_url(self.site_url, f"{home}{self.event_page(occ)}#{occ.anchor}"),
            "inLanguage": t.tags.get(t.lang, t.lang),
        }
        if a.description:
            data["description"] = t(a.description)
        if a.organiser:
            data["organizer"] = {"@type": "Organization", "name": t(a.organiser.name)}
        if a.registration and a.registration.free:
            data["isAccessibleForFree"] = True
        if occ.status == "moved":
            data["previousStartDate"] = occ.due.isoformat()
        return data


def _group(items, key):
    grouped: dict = {}
    for item in items:
        grouped.setdefault(key(item), []).append(item)
    return grouped.items()


def _tidy(block: str) -> str:
    """Blank lines end an HTML block in Markdown: remove them inside one."""
    block = block.strip("\n")
    if block.startswith("<"):
        block = re.sub(r"\n\s*\n", "\n", block)
    return block
