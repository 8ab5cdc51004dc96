"""Small data cannot make a huge build: the calendar's dates stay within years of the build's
"today" (a message with file, line and field otherwise, for any date, 9999-12-31 too); a
repeating activity given by its number of times stays within them too; the calendar holds at
most so many dates in all; thousands of activities in one slot give a few grouped warnings, in
seconds. The worst input the checks accept loads, expands and checks within a bound of time
and memory (timed here only as a bound; scripts/benchmarks/calendar_scale.py --worst measures
its whole build)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SITE_TODAY, copy_project, fedsite_check
from entries import ACTIVITY, append_entry
from fedsite import resources
from fedsite.calendar.data import MAX_DATES
from fedsite.messages.problems import DataError
from fedsite.site_data import load_site_data
from worst_case import worst_case_data

TODAY = dt.date.fromisoformat(SITE_TODAY)
WEEKLY = "    repeat:\n      frequency: weekly\n      until: {until}\n"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ROOT / "data", tmp_path / "data"))


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir, ["zh", "en"], lambda path: TODAY, today=TODAY)
    return [problem.format(data_dir.parent) for problem in caught.value.problems]


@pytest.mark.parametrize("until", ["2999-12-31", "9999-12-31", "2031-12-02"])
def test_a_far_until_is_named(data_dir: Path, until: str) -> None:
    line = append_entry(data_dir / "activities.yml", ACTIVITY, extra=WEEKLY.format(until=until))
    found = problems(data_dir)
    assert len(found) == 1, found
    assert found[0].startswith(f"data/activities.yml:{line + 9}:"), found
    assert "[activities[" in found[0] and ".repeat.until]" in found[0], found
    assert "more than 5 years from today (2026-12-01)" in found[0], found
    assert "up to 2031-12-01" in found[0], found


def test_the_last_date_the_calendar_takes_is_accepted(data_dir: Path) -> None:
    append_entry(data_dir / "activities.yml", ACTIVITY, extra=WEEKLY.format(until="2031-12-01"))
    load_site_data(data_dir, ["zh", "en"], lambda path: TODAY, today=TODAY)


@pytest.mark.parametrize(
    ("old", "new", "field", "says"),
    [
        ("date: 2027-01-20", "date: 1900-01-20", "date", "more than 10 years ago"),
        ("date: 2027-01-20", "date: 9999-12-31", "date", "more than 5 years from today"),
        ("date: 2027-01-20", "date: 2027-01-20\n    end_date: 9999-12-31", "end_date", "5 years"),
    ],
)
def test_any_date_far_from_today_is_named(data_dir: Path, old, new, field, says) -> None:
    append_entry(data_dir / "activities.yml", ACTIVITY, old, new)
    found = problems(data_dir)
    assert len(found) == 1 and f".{field}]" in found[0] and says in found[0], found


def test_a_count_that_goes_past_the_window_is_named(data_dir: Path) -> None:
    repeat = "    repeat:\n      frequency: monthly\n      interval: 12\n      count: 400\n"
    append_entry(data_dir / "activities.yml", ACTIVITY, extra=repeat)
    found = problems(data_dir)
    assert len(found) == 1 and ".repeat.count]" in found[0], found
    assert "400 times would go on until 2426-01-20" in found[0], found


def test_a_far_date_gets_a_message_from_the_editors_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/activities.yml"
    append_entry(path, ACTIVITY, extra=WEEKLY.format(until="9999-12-31"))
    for language, says in (("en", "more than 5 years from today"), ("zh", "超过 5 年")):
        result = fedsite_check(project, language)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert "data/activities.yml:" in output and says in output, output


def test_more_dates_than_the_calendar_takes_are_refused_at_once(data_dir: Path) -> None:
    path = data_dir / "activities.yml"
    weeks = 250  # each entry repeats weekly for about five years
    entries = MAX_DATES // weeks + 2
    text = "".join(
        ACTIVITY.replace("id: test-talk", f"id: test-talk-{n}")
        + "    repeat:\n      frequency: weekly\n      count: 250\n"
        for n in range(entries)
    )
    path.write_text(path.read_text("utf-8") + text, "utf-8")
    start = time.perf_counter()
    found = problems(data_dir)
    took = time.perf_counter() - start
    assert len(found) == 1 and f"more than {MAX_DATES:,} dates in all" in found[0], found
    assert took < 30, f"{took:.1f} s"  # a bound: it stops counting where the limit is


def test_thousands_in_one_slot_give_a_few_grouped_warnings(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/activities.yml"
    text = "".join(ACTIVITY.replace("id: test-talk", f"id: same-slot-{n}") for n in range(2000))
    path.write_text(path.read_text("utf-8") + text, "utf-8")
    start = time.perf_counter()
    result = fedsite_check(project)
    took = time.perf_counter() - start
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    booked = [line for line in output.splitlines() if "booked twice" in line]
    assert len(booked) == 1, booked  # one place, one time
    assert "'same-slot-0', 'same-slot-1', 'same-slot-10' and 1,997 more" in booked[0], booked
    assert took < 60, f"{took:.1f} s"  # a bound; it was 1,999,000 warnings and 23 GB


def test_booking_warnings_stop_at_a_few_dozen(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/activities.yml"
    text = "".join(
        ACTIVITY.replace("id: test-talk", f"id: pair-{n}-{k}").replace(
            "date: 2027-01-20", f"date: {TODAY + dt.timedelta(days=n)}"
        )
        for n in range(50)
        for k in range(2)
    )
    path.write_text(path.read_text("utf-8") + text, "utf-8")
    result = fedsite_check(project, "zh")
    lines = (result.stdout + result.stderr).splitlines()
    booked = [line for line in lines if "订了两次" in line]
    assert len(booked) == 21 and "还有 30 处地点和时间也可能订了两次" in booked[-1], booked


# -- The worst accepted input ----------------------------------------------------------------

WORST = """
import datetime as dt, json, resource, sys, time
from pathlib import Path
from fedsite.site import Site
start = time.perf_counter()
site = Site.from_folder(Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2]))
found = {
    "dates": len(site.schedule.occurrences),
    "months": len(site.schedule.months),
    "pages": sum(len(pages) for pages in site.stub_pages().values()),
    "warnings": len(site.warnings),
    "seconds": time.perf_counter() - start,
    "mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}
print(json.dumps(found))
"""


def test_the_worst_accepted_calendar_loads_within_bounds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for name, content in worst_case_data(TODAY).items():
        (project / "data" / f"{name}.yml").write_text(content, "utf-8")
    result = subprocess.run(
        [sys.executable, "-c", WORST, str(project), SITE_TODAY],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "scripts"), "FEDSITE_LANG": "en"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout)
    assert found["dates"] == MAX_DATES, found  # accepted: every date the calendar takes
    assert found["months"] <= 15 * 12 + 1, found  # ten years back, five ahead
    assert found["warnings"] <= 21 + 1, found  # booked twice, grouped and capped (and one more)
    assert found["seconds"] < 120 and found["mib"] < 2048, found  # bounds, not the figures


def test_a_list_longer_than_the_site_is_made_for_is_named(data_dir: Path) -> None:
    schema = json.loads((resources.SCHEMAS / "townships.schema.json").read_text("utf-8"))
    most = schema["properties"]["townships"]["maxItems"]
    path = data_dir / "townships.yml"
    extra = "".join(
        f"  - id: town-{n}\n    name: {{zh: 镇{n}, en: Town {n}}}\n" for n in range(most)
    )
    path.write_text(path.read_text("utf-8") + extra, "utf-8")
    count = path.read_text("utf-8").count("  - id: ")
    found = problems(data_dir)
    assert len(found) == 1 and found[0].startswith("data/townships.yml:"), found
    assert f"[townships] too many entries ({count}; at most {most})" in found[0], found
