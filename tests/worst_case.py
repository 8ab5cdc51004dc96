"""The largest calendar and directory the checks accept: every date the calendar takes
(MAX_DATES), spread over all the years it takes them, each week's all at one place and time
(the booking check's worst), with as many places and townships as the schemas allow. Used by
tests/test_runaway_data.py (bounds) and scripts/benchmarks/calendar_scale.py --worst (figures)."""

from __future__ import annotations

import datetime as dt
import json

import yaml
from fedsite import resources
from fedsite.calendar.data import MAX_DATES
from fedsite.editor_yaml.checker import FUTURE_YEARS, PAST_YEARS, years_from

SCHEMAS = resources.SCHEMAS
DATES_EACH = 8  # each activity repeats weekly this many times


def _most(schema: str, key: str) -> int:
    tree = json.loads((SCHEMAS / f"{schema}.schema.json").read_text("utf-8"))
    return tree["properties"][key]["maxItems"]


def worst_case_data(today: dt.date) -> dict[str, str]:
    """File name (without .yml) -> its text, for data/."""
    township_count, place_count = _most("townships", "townships"), _most("places", "places")
    townships = [
        {"id": f"township-{n}", "name": {"zh": f"示例{n}镇", "en": f"Example Town {n}"}}
        for n in range(township_count)
    ]
    places = [
        {
            "id": f"place-{n}",
            "kind": "womens-home",
            "township": f"township-{n % township_count}",
            "name": {"zh": f"第{n}社区妇女之家", "en": f"Community {n} Women's Home"},
            "address": {"zh": f"示例路{n}号（示例地址）", "en": f"{n} Example Road (example)"},
            "phones": [{"number": f"023-0000 {n % 10000:04d}", "example": True}],
            "services": ["legal-rights"],
        }
        for n in range(place_count)
    ]
    first = years_from(today, -PAST_YEARS)
    last = years_from(today, FUTURE_YEARS) - dt.timedelta(weeks=DATES_EACH)
    count = MAX_DATES // DATES_EACH
    activities = []
    for n in range(count):
        day = first + dt.timedelta(days=(last - first).days * n // count)
        activities.append(
            {
                "id": f"activity-{n}",
                "title": {"zh": f"活动第{n}场", "en": f"Activity {n}"},
                "category": "law-talk",
                "venue": "place-0",
                "date": day.isoformat(),
                "start": "09:00",
                "end": "10:30",
                "repeat": {"frequency": "weekly", "count": DATES_EACH},
            }
        )
    files = {
        "townships": {"townships": townships},
        "places": {"places": places},
        "activities": {"activities": activities},
        "trainings": {"trainings": []},
    }
    return {
        name: yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
        for name, tree in files.items()
    }
