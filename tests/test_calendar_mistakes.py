"""What a mistake in the calendar data does to a real `mkdocs build` and to the fedsite-check
command, for editors: a mistake stops the build with every problem at once, each with file and
line (exit code non-zero, no traceback, no site); a missing translation or a place booked twice
is only a warning, and the page shows the text in another language with a notice. Each mistake
itself is checked by the engine alone in test_data_mistakes.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, assert_failed_cleanly, copy_project, fedsite_check, mkdocs_build
from entries import ACTIVITY, append_entry, last_index


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def add_activity(project: Path, old: str = "", new: str = "") -> int:
    """Append the test activity (with `old` replaced by `new`); return its first line."""
    return append_entry(project / "data/activities.yml", ACTIVITY, old, new)


def test_a_data_mistake_stops_the_build(project: Path) -> None:
    venue = add_activity(project, "venue: federation-office", "venue: nowhere")
    category = add_activity(
        project,
        "id: test-talk\n    title: {zh: 测试讲座, en: Test talk}\n    category: law-talk",
        "id: test-talk-two\n    title: {zh: 测试讲座, en: Test talk}\n    category: nothing",
    )
    last = last_index(project / "data/activities.yml")
    result = mkdocs_build(project, project / "site")
    assert_failed_cleanly(
        result,
        "2 problems",
        f"data/activities.yml:{venue + 3}:5: [activities[{last - 1}].venue] no place 'nowhere'",
        f"data/activities.yml:{category + 2}:5: [activities[{last}].category] "
        "no category 'nothing'",
        "How to fix:",
    )


def test_warnings_do_not_stop_the_build_and_untranslated_text_has_a_notice(
    project: Path,
) -> None:
    title = add_activity(project, "title: {zh: 测试讲座, en: Test talk}", "title: {zh: 测试讲座}")
    add_activity(project, "id: test-talk", "id: test-talk-two")  # the same place and time
    result = mkdocs_build(project, project / "site")  # --strict
    assert result.returncode == 0, result.output
    assert f"data/activities.yml:{title + 1}:5:" in result.output, result.output
    assert "no en text yet" in result.output
    assert "'test-talk' and 'test-talk-two' are both at 'federation-office'" in result.output
    page = (result.site / "en/activities/months/2027-01/index.html").read_text("utf-8")
    assert '<span lang="zh-Hans">测试讲座</span> <span class="fs-untranslated">' in page


def test_check_command_names_the_problem(project: Path) -> None:
    line = add_activity(project, "venue: federation-office", "venue: nowhere") + 3
    result = fedsite_check(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"data/activities.yml:{line}:" in result.stderr, result.stderr
    assert "no place 'nowhere' in places.yml" in result.stderr


def test_check_command_lists_what_is_coming_up() -> None:
    result = fedsite_check(ROOT)
    assert result.returncode == 0, result.stderr
    assert "Everything passed" in result.stdout
    assert "Coming up in the next 4 weeks" in result.stdout


def test_a_mistake_in_one_activity_hides_none_in_the_next(tmp_path: Path) -> None:
    """Every mistake at once: an earlier entry's mistake does not stop a later repeat rule
    from being checked (its date is not the weekday its rule says)."""
    project = copy_project(tmp_path / "project")
    path = project / "data/activities.yml"
    append_entry(path, ACTIVITY, "venue: federation-office", "venue: nowhere")
    rule = "    repeat:\n      frequency: monthly\n      weekday: 2SA\n      count: 3\n"
    append_entry(path, ACTIVITY, "id: test-talk", "id: test-talk-two", extra=rule)
    result = fedsite_check(project)
    output = result.stdout + result.stderr
    assert "no place 'nowhere'" in output, output
    assert "2027-01-20 is not a 2SA date" in output, output
