"""A language's iCalendar files: the feed of all activities, one per kind of activity, and the
"add to calendar" file of each activity and training course that has not ended yet (past events
stay in the feeds, and on the archive page)."""

from __future__ import annotations

from urllib.parse import urlsplit

from fedsite import paths
from fedsite.calendar.ics import activity_ics, calendar_ics
from fedsite.calendar.schedule import Schedule
from fedsite.model import Activity, Occurrence
from fedsite.output.rebuild_memo import RebuildMemo, fingerprint
from fedsite.page_context import PageContext


def calendar_files(
    schedule: Schedule, ctx: PageContext, *, events: bool = True, memo: RebuildMemo | None = None
) -> dict[str, bytes]:
    """Site path -> bytes, in the language of `ctx` (its page is the language's home); with
    `events` false, the feeds only. `memo`: the preview's, which keeps each activity's text."""
    t = ctx.t
    uid_domain = urlsplit(ctx.site_url).hostname or "localhost"
    first: dict[str, Occurrence] = {}
    for occ in schedule.occurrences:
        first.setdefault(occ.activity.id, occ)

    def url_of(activity: Activity) -> str:
        occ = first.get(activity.id)
        if activity.course_id:
            return ctx.absolute(paths.course(activity.course_id))
        return ctx.absolute(paths.event(occ) if occ else paths.ACTIVITIES)

    activities = schedule.data.activities

    # Each event is serialized once and put into every feed that lists it.
    def serialize(activity: Activity) -> bytes:
        url = url_of(activity)
        if memo is None:
            return activity_ics(activity, t, url, uid_domain)
        key = ("ics", fingerprint(activity), fingerprint(t), url, uid_domain)
        return memo.get(key, lambda: activity_ics(activity, t, url, uid_domain))

    serialized = {a.id: serialize(a) for a in activities}

    def feed(chosen, name: str) -> bytes:
        pairs = ((a, serialized[a.id]) for a in chosen)
        return calendar_ics(pairs, name=name, description=t.ui["feed_description"])

    files = {paths.feed(): feed(activities, t.ui["feed_all_name"])}
    for category in schedule.data.categories.values():
        chosen = [a for a in activities if a.category is category]
        name = t.labelled(t.ui["feed_all_name"], t(category.name))
        files[paths.feed(category.id)] = feed(chosen, name)
    if not events:
        return files
    for activity in activities:
        if activity.course_id is None and not schedule.has_ended(activity):
            files[paths.event_file(activity.id)] = feed([activity], t(activity.title))
    for course in schedule.data.courses:
        if not schedule.has_ended(course):
            files[paths.event_file(course.id)] = feed(course.sessions, t(course.title))
    return files
