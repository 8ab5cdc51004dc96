"""The calendar's pages, in one language: upcoming activities, month pages, the archive, the
activities by kind and by place, and training courses. Each view renders Markdown headings
(for the table of contents) and HTML blocks from the Jinja macros in templates/calendar.md.j2."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from fedsite import paths
from fedsite.calendar.schedule import Schedule, month_start
from fedsite.model import CalendarSettings, Occurrence
from fedsite.output.escaping import markdown_heading
from fedsite.output.html_blocks import HtmlBlocks
from fedsite.output.rebuild_memo import RebuildMemo, fingerprint
from fedsite.output.templates import macros
from fedsite.page_context import PageContext
from fedsite.posters import poster_links

SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "moved": "https://schema.org/EventRescheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}

View = Callable[[PageContext, str], list[str]]


@dataclass
class CalendarPages:
    schedule: Schedule
    settings: CalendarSettings
    structured: bool = True  # schema.org data for each event on its month page
    memo: RebuildMemo | None = None  # the preview's cards, kept across its rebuilds

    def views(self) -> dict[str, View]:
        """Marker name -> the view that fills `<!-- fedsite:name argument -->`."""
        return {
            "next": self.next,
            "upcoming": self.upcoming,
            "month": self.month,
            "past": self.past,
            "categories": self.categories,
            "places": self.places,
            "courses": self.courses,
        }

    @property
    def _m(self):
        return macros("calendar.md.j2")

    # Pieces --------------------------------------------------------------------------------

    def _note(self, text: str) -> str:
        return str(self._m.note(text))

    def _feeds(self, ctx: PageContext, category: str = "all", label: str = "") -> str:
        https = ctx.absolute(paths.feed(category))
        webcal = re.sub(r"^https?:", "webcal:", https)
        return str(self._m.feed_links(https, webcal, ctx.t, label))

    def _cards(self, items, ctx: PageContext, heading="h3", jsonld=False) -> list[str]:
        card = self._m.event_card
        today, ended = self.schedule.today, self.schedule.has_ended

        def make(o: Occurrence) -> str:
            data = self.jsonld(o, ctx) if jsonld else None
            return str(card(o, ctx.t, ctx.link, today, heading, data, ended(o.activity)))

        if self.memo is None:
            return [make(o) for o in items]
        key = (fingerprint(ctx), today, heading, jsonld)
        memo = self.memo
        return [memo.get(("card", fingerprint(o), *key), partial(make, o)) for o in items]

    def _compact(self, items, ctx: PageContext) -> str:
        return str(self._m.compact_list(items, ctx.t, ctx.link))

    def _next(self, items, limit: int, ctx: PageContext, none_key: str) -> str:
        """The next few of `items` in short, or a sentence saying there are none."""
        return self._compact(items[:limit], ctx) if items else self._note(ctx.t.ui[none_key])

    def _month_links(self, months, ctx: PageContext) -> str:
        counts = {m: len(items) for m, items in self.schedule.by_month.items()}
        return str(self._m.month_links(months, counts, ctx.t, ctx.link))

    # Views ---------------------------------------------------------------------------------

    def next(self, ctx: PageContext, _argument: str) -> list[str]:
        """The next few activities, date first, and a link to all of them (the home page)."""
        coming = [o for o in self.schedule.upcoming if o.status != "cancelled"]
        coming = coming[: self.settings.home_activities]
        if not coming:
            return [self._note(ctx.t.ui["no_upcoming"])]
        return [
            str(self._m.agenda(coming, ctx.t, ctx.link)),
            str(self._m.more(ctx.link(paths.ACTIVITIES), ctx.t.ui["all_activities"])),
        ]

    def upcoming(self, ctx: PageContext, _argument: str) -> list[str]:
        """The coming weeks as an agenda: today, this week, next week, later; then the months
        after, as links."""
        t, schedule = ctx.t, self.schedule
        today = schedule.today
        horizon = today + dt.timedelta(weeks=self.settings.upcoming_weeks)
        shown = [o for o in schedule.upcoming if o.first_day < horizon]
        shown = shown[: self.settings.upcoming_max]
        this_week = today - dt.timedelta(days=(today.weekday() - t.first_weekday) % 7)
        next_week = this_week + dt.timedelta(weeks=1)
        later = next_week + dt.timedelta(weeks=1)

        def group(occ) -> str:
            if occ.first_day <= today:
                return "today"
            return (
                "this-week"
                if occ.first_day < next_week
                else ("next-week" if occ.first_day < later else "later")
            )

        blocks = [str(self._m.note(t.ui["agenda_intro"]))]
        if not shown:
            blocks.append(self._note(t.ui["no_upcoming"]))
        for name, items in _group(shown, group):
            blocks.append(markdown_heading(2, t.ui["agenda_" + name.replace("-", "_")], name))
            blocks.append(str(self._m.agenda_rows(items, t, ctx.link, today, schedule.has_ended)))
        months = [m for m in schedule.months if shown and m > month_start(shown[-1].first_day)]
        if months:
            blocks.append(markdown_heading(2, t.ui["later_months"]))
            blocks.append(self._month_links(months, ctx))
        blocks.append(poster_links(ctx, today))
        if self.schedule.data.activities:  # no subscribing to an empty feed
            blocks.append(self._feeds(ctx))
        return blocks

    def month(self, ctx: PageContext, argument: str) -> list[str]:
        t, months = ctx.t, self.schedule.months
        month = dt.date.fromisoformat(argument + "-01")
        items = self.schedule.by_month.get(month, [])
        counts = Counter(o.first_day for o in items if o.status != "cancelled")
        weeks = pycalendar.Calendar(t.first_weekday).monthdatescalendar(month.year, month.month)
        blocks = [str(self._m.month_table(month, weeks, counts, t, self.schedule.today))]
        index = months.index(month) if month in months else -1
        previous = months[index - 1] if index > 0 else None
        following = months[index + 1] if 0 <= index < len(months) - 1 else None
        if previous or following:
            blocks.append(str(self._m.month_nav(previous, following, t, ctx.link)))
        if not items:
            blocks.append(self._note(t.ui["no_activities_month"]))
        for day, day_items in _group(items, lambda o: o.first_day):
            blocks.append(markdown_heading(2, t.date(day), f"d-{day.isoformat()}"))
            blocks += self._cards(day_items, ctx, jsonld=self.structured)
        return blocks

    def past(self, ctx: PageContext, _argument: str) -> list[str]:
        t, past = ctx.t, self.schedule.past
        months = sorted({month_start(o.first_day) for o in past}, reverse=True)
        recent = months[: self.settings.recent_months]
        blocks = [] if past else [self._note(t.ui["no_past"])]
        grouped = dict(_group(past, lambda o: month_start(o.first_day)))
        for month in recent:
            blocks.append(markdown_heading(2, t.month(month), f"m-{month:%Y-%m}"))
            blocks.append(self._compact(list(reversed(grouped[month])), ctx))
        this_month = month_start(self.schedule.today)
        older = [m for m in months[len(recent) :] if m < this_month]
        if older:
            blocks.append(markdown_heading(2, t.ui["earlier_months"]))
            blocks.append(self._month_links(older, ctx))
        return blocks

    def categories(self, ctx: PageContext, _argument: str) -> list[str]:
        t, blocks = ctx.t, []
        for category in self.schedule.data.categories.values():
            blocks.append(markdown_heading(2, t(category.name), category.id))
            if category.description:
                blocks.append(self._note(t.html(category.description)))
            if category.id in self._categories_used:  # no subscribing to an empty feed
                blocks.append(self._feeds(ctx, category.id, t(category.name)))
            items = [o for o in self.schedule.upcoming if o.activity.category is category]
            blocks.append(self._next(items, self.settings.per_category, ctx, "no_upcoming_kind"))
        return blocks

    @cached_property
    def _categories_used(self) -> set[str]:
        """The kinds of activity the data has any activity of (whose feeds hold something)."""
        return {a.category.id for a in self.schedule.data.activities}

    def places(self, ctx: PageContext, _argument: str) -> list[str]:
        """What's on, by subdistrict or town, then by place (a pre-built filter: no script)."""
        t, blocks = ctx.t, []
        used = [p for p in self.schedule.data.places.values() if p.id in self.schedule.venues]
        if not used:
            blocks.append(self._note(t.ui["no_places_used"]))
        for township_id, places in _group(used, lambda p: p.township.id):
            township = self.schedule.data.townships[township_id]
            blocks.append(markdown_heading(2, t(township.name), f"t-{township_id}"))
            for place in places:
                blocks.append(markdown_heading(3, t(place.name), place.id))
                directory = ctx.link(paths.place(place)) if place.in_directory else ""
                blocks.append(str(self._m.place_summary(place, t, directory)))
                items = self.schedule.upcoming_by_place.get(place.id, [])
                blocks.append(self._next(items, self.settings.per_place, ctx, "no_upcoming_place"))
        return blocks

    def courses(self, ctx: PageContext, _argument: str) -> list[str]:
        """The courses still to come in full; then those that have ended, marked so."""
        t, schedule, blocks = ctx.t, self.schedule, []
        current = [c for c in schedule.data.courses if not schedule.has_ended(c)]
        ended = [c for c in schedule.data.courses if schedule.has_ended(c)]
        for course in current:
            blocks.append(markdown_heading(3, t(course.title), course.id))
            sessions = schedule.course_occurrences(course)
            blocks.append(str(self._m.course(course, sessions, t, ctx.link, schedule.today)))
        if not current:
            blocks.append(self._note(t.ui["no_courses"]))
        if ended:
            blocks.append(markdown_heading(3, t.ui["courses_ended"], "ended"))
        for course in ended:
            blocks.append(markdown_heading(4, t(course.title), course.id))
            sessions = schedule.course_occurrences(course)
            blocks.append(
                str(self._m.course(course, sessions, t, ctx.link, schedule.today, ended=True))
            )
        return blocks

    # Structured data -----------------------------------------------------------------------

    def jsonld(self, occ: Occurrence, ctx: PageContext) -> dict:
        a, t = occ.activity, ctx.t
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": t(a.title),
            "startDate": (occ.start or occ.first_day).isoformat(),
            "endDate": (occ.end or occ.last_day).isoformat(),
            "eventStatus": SCHEMA_STATUS[occ.status],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": t(a.venue.name), "address": t(a.venue.address)},
            "url": ctx.absolute(paths.event(occ)),
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


def markdown_blocks(blocks: list[str], kept: HtmlBlocks) -> str:
    """The blocks of a view as one Markdown text: headings as they are, and the HTML blocks
    between two headings as one placeholder kept in `kept` (see output.html_blocks)."""
    text: list[str] = []
    html: list[str] = []
    for block in [*blocks, ""]:
        block = block.strip("\n")
        if block.startswith("<"):
            html.append(block)
            continue
        if html:
            text.append(kept.keep("\n".join(html)))
            html = []
        if block.strip():
            text.append(block)
    return "\n\n".join(text) + "\n"
