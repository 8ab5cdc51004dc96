"""When everything happens, worked out once from the data for a build's "today": every
occurrence, by month and by place, what is still to come and what has ended. The calendar's
pages and feeds and the directory's pages read it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from fedsite.calendar.occurrences import all_occurrences
from fedsite.model import Activity, Course, Occurrence, SiteData


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


@dataclass
class Schedule:
    data: SiteData
    today: dt.date

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
    def past(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.last_day < self.today]

    @cached_property
    def upcoming_by_place(self) -> dict[str, list[Occurrence]]:
        grouped = defaultdict(list)
        for occ in self.upcoming:
            grouped[occ.activity.venue.id].append(occ)
        return grouped

    @cached_property
    def venues(self) -> set[str]:
        """Ids of the places any activity is held at."""
        return {o.activity.venue.id for o in self.occurrences}

    @cached_property
    def _last_days(self) -> dict[str, dt.date]:
        last: dict[str, dt.date] = {}
        for occ in self.occurrences:
            for key in (occ.activity.id, occ.activity.course_id):
                if key and (key not in last or occ.last_day > last[key]):
                    last[key] = occ.last_day
        return last

    def has_ended(self, item: Activity | Course) -> bool:
        """Every date of an activity or a course is past (one with no dates at all too)."""
        last = self._last_days.get(item.id)
        return last is None or last < self.today

    def course_occurrences(self, course: Course) -> list[Occurrence]:
        ids = {s.id for s in course.sessions}
        return [o for o in self.occurrences if o.activity.id in ids]
