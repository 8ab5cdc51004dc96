"""Write a language's iCalendar files: the feed of all activities, one per kind of activity,
one per activity (its "add to calendar" link) and one per training course."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fedsite.calendar_data import Activity
from fedsite.calendar_pages import CalendarSite
from fedsite.ics import activity_ics, calendar_ics
from fedsite.languages import absolute_url
from fedsite.localize import Localizer


def write_feeds(site: CalendarSite, language_folder: Path, t: Localizer, home: str) -> int:
    """Write into the language's folder of the built site; return how many files."""
    uid_domain = urlsplit(site.site_url).hostname or "localhost"
    first = {}
    for occ in site.occurrences:
        first.setdefault(occ.activity.id, occ)

    def url_of(activity: Activity) -> str:
        occ = first.get(activity.id)
        page = site.event_page(occ) if occ else "activities/"
        anchor = activity.course_id or (occ.anchor if occ else "")
        return absolute_url(site.site_url, f"{home}{page}#{anchor}")

    serialized = {a.id: activity_ics(a, t, url_of(a), uid_domain) for a in site.data.activities}

    def feed(activities, name: str) -> bytes:
        pairs = ((a, serialized[a.id]) for a in activities)
        return calendar_ics(pairs, name=name, description=t.ui["feed_description"])

    files: dict[str, bytes] = {}
    activities = site.data.activities
    files[site.feed_path()] = feed(activities, t.ui["feed_all_name"])
    for category in site.data.categories.values():
        chosen = [a for a in activities if a.category is category]
        files[site.feed_path(category.id)] = feed(
            chosen, t.labelled(t.ui["feed_all_name"], t(category.name))
        )
    for activity in activities:
        if activity.course_id is None:
            files[site.ics_path(activity)] = feed([activity], t(activity.title))
    for course in site.data.courses:
        files[f"activities/ics/{course.id}.ics"] = feed(course.sessions, t(course.title))
    for path, data in files.items():
        target = language_folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)
