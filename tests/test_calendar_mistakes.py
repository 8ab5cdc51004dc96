"""Every mistake an editor can make in the calendar data: the build stops with the file, line,
column, field, what is wrong and how to fix it; all problems at once; exit code non-zero; no
traceback; no site. The fedsite-check command says the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, assert_failed_cleanly, copy_project, edit, fedsite_check, mkdocs_build

# A valid activity appended to data/activities.yml; each test breaks one line of it.
ACTIVITY = """\
  - id: test-talk
    title: {zh: 测试讲座, en: Test talk}
    category: law-talk
    venue: federation-office
    date: 2027-01-20
    start: "09:00"
    end: "10:00"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def add_activity(project: Path, old: str = "", new: str = "", extra: str = "") -> int:
    """Append the test activity (with `old` replaced by `new`); return its first line."""
    data = project / "data/activities.yml"
    text = data.read_text(encoding="utf-8")
    first_line = text.count("\n") + 1
    entry = ACTIVITY.replace(old, new, 1) if old else ACTIVITY
    assert old in ACTIVITY
    data.write_text(text + entry + extra, encoding="utf-8")
    return first_line


def build(project: Path):
    return mkdocs_build(project, project / "site")


@pytest.mark.parametrize(
    ("old", "new", "offset", "field", "message"),
    [
        ("    end:", "    ende:", 6, "activities[-1].ende", "unknown field 'ende'"),
        (
            "venue: federation-office",
            "venue: no-such-place",
            3,
            "activities[-1].venue",
            "no place 'no-such-place' in places.yml",
        ),
        (
            "category: law-talk",
            "category: law-talks",
            2,
            "activities[-1].category",
            "no category 'law-talks' in categories.yml",
        ),
        ('end: "10:00"', 'end: "08:00"', 6, "activities[-1].end", "is not after the start"),
        (
            "date: 2027-01-20",
            "date: 2027-02-30",
            4,
            "activities[-1].date",
            "2027-02-30 is not a date that exists",
        ),
        (
            "date: 2027-01-20",
            "date: 2027-01-20\n    timezone: Asia/Chongqin",
            5,
            "activities[-1].timezone",
            "'Asia/Chongqin' is not a time zone",
        ),
        (
            'start: "09:00"',
            "start: 9am",
            5,
            "activities[-1].start",
            "'9am' is not in the expected form",
        ),
        ("id: test-talk", "id: Test Talk", 0, "activities[-1].id", "is not in the expected form"),
    ],
)
def test_broken_activity(project: Path, old, new, offset, field, message) -> None:
    first = add_activity(project, old, new)
    result = build(project)
    line = first + offset
    expected_field = field.replace("[-1]", f"[{_last_index(project)}]")
    assert_failed_cleanly(
        result, f"data/activities.yml:{line}:", f"[{expected_field}]", message, "How to fix:"
    )


def _last_index(project: Path) -> int:
    return (project / "data/activities.yml").read_text(encoding="utf-8").count("\n  - id: ") - 1


def test_duplicate_id(project: Path) -> None:
    first = add_activity(project)
    add_activity(project)
    second = first + ACTIVITY.count("\n")
    result = build(project)
    assert_failed_cleanly(
        result,
        f"data/activities.yml:{second}:",
        "the id 'test-talk' is already used",
        f"line {first}",
    )


@pytest.mark.parametrize(
    ("repeat", "message"),
    [
        ("    repeat: {frequency: weekly, until: 2027-01-01}\n", "until 2027-01-01 is before"),
        (
            "    repeat: {frequency: weekly, count: 3, until: 2027-03-01}\n",
            "give either until (a last date) or count",
        ),
        ("    repeat: {frequency: daily, count: 3}\n", "'daily' is not allowed here"),
        (
            "    repeat: {frequency: monthly, weekday: 2SA, count: 3}\n",
            "2027-01-20 is not a 2SA date",
        ),
        (
            "    repeat:\n      frequency: weekly\n      count: 3\n      except: [2027-01-21]\n",
            "the event does not repeat on 2027-01-21",
        ),
    ],
)
def test_bad_recurrence(project: Path, repeat: str, message: str) -> None:
    add_activity(project, extra=repeat)
    assert_failed_cleanly(build(project), "data/activities.yml:", message)


def test_unknown_field_in_places(project: Path) -> None:
    edit(
        project / "data/places.yml",
        "  - id: federation-office",
        "  - id: federation-office\n    phone: 123",
    )
    result = build(project)
    assert_failed_cleanly(result, "data/places.yml:", "unknown field 'phone'")


def test_problems_across_files_are_all_reported(project: Path) -> None:
    add_activity(project, "venue: federation-office", "venue: nowhere")
    add_activity(
        project,
        "id: test-talk\n    title: {zh: 测试讲座, en: Test talk}\n    category: law-talk",
        "id: test-talk-two\n    title: {zh: 测试讲座, en: Test talk}\n    category: nothing",
    )
    result = build(project)
    assert_failed_cleanly(result, "2 problems", "no place 'nowhere'", "no category 'nothing'")


def test_alias_bomb_is_refused_quickly(project: Path) -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(9)
    )
    (project / "data/organisers.yml").write_text(bomb, encoding="utf-8")
    result = build(project)
    assert_failed_cleanly(result, "data/organisers.yml:", "anchors and aliases")


def test_arbitrary_python_tags_are_refused(project: Path) -> None:
    edit(
        project / "data/categories.yml",
        "categories:",
        "evil: !!python/object/apply:os.system ['true']\ncategories:",
    )
    assert_failed_cleanly(build(project), "data/categories.yml:", "How to fix")


def test_missing_translation_is_reported_and_shown_with_a_notice(project: Path) -> None:
    add_activity(project, "title: {zh: 测试讲座, en: Test talk}", "title: {zh: 测试讲座}")
    result = build(project)
    assert result.returncode == 0, result.output
    assert "no en text yet" in result.output
    page = (result.site / "en/activities/months/2027-01/index.html").read_text("utf-8")
    assert '<span lang="zh-Hans">测试讲座</span> <span class="fs-untranslated">' in page


def test_double_booking_is_a_warning(project: Path) -> None:
    add_activity(project)
    add_activity(project, "id: test-talk", "id: test-talk-two")
    result = build(project)
    assert result.returncode == 0, result.output
    assert "'test-talk' and 'test-talk-two' are both at 'federation-office'" in result.output


def test_check_command_names_the_problem(project: Path) -> None:
    add_activity(project, "venue: federation-office", "venue: nowhere")
    result = fedsite_check(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no place 'nowhere' in places.yml" in result.stderr


def test_check_command_lists_what_is_coming_up() -> None:
    result = fedsite_check(ROOT)
    assert result.returncode == 0, result.stderr
    assert "No problems" in result.stdout
    assert "Coming up from 2026-12-01" in result.stdout


def test_unknown_calendar_setting_in_mkdocs_yml(project: Path) -> None:
    edit(project / "mkdocs.yml", "upcoming_weeks: 8", "upcoming_week: 8")
    assert_failed_cleanly(build(project), "extra.calendar has no setting 'upcoming_week'")
