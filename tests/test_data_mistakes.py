"""Every mistake an editor can make in data/ (the calendar and the directory), checked by the
engine alone (no site build; a tenth of a second per mistake): each gives the file, line,
column and field, what is wrong and how to fix it; every problem is reported at once; YAML tags
and alias bombs are refused, quickly; a missing translation or a place booked twice is only a
warning. That a mistake stops `mkdocs build` cleanly, and what the built pages show, is in
test_calendar_mistakes.py and test_contacts_mistakes.py."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT, edit
from entries import ACTIVITY, PLACE, append_entry, index_at, last_index, line_of
from fedsite.calendar.occurrences import all_occurrences, double_bookings
from fedsite.messages.problems import DataError
from fedsite.model import SiteData
from fedsite.site_data import load_site_data

LANGUAGES = ["zh", "en"]
DOCS = ROOT / "docs"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of data/ to make one mistake in; problems name it data/... as a build does."""
    return Path(shutil.copytree(ROOT / "data", tmp_path / "data"))


def load(data_dir: Path, docs_dir: Path | None = None) -> SiteData:
    return load_site_data(data_dir, LANGUAGES, lambda path: dt.date(2026, 12, 1), docs_dir)


def problems(data_dir: Path, docs_dir: Path | None = None) -> list[str]:
    """Every problem, as the build prints it: `data/x.yml:line:column: [field] message`, then
    `How to fix: hint`. The data must have a mistake."""
    with pytest.raises(DataError) as caught:
        load(data_dir, docs_dir)
    return [problem.format(data_dir.parent) for problem in caught.value.problems]


def assert_one(found: list[str], where: str, message: str, hint: str = "") -> None:
    """Exactly one problem, at `where`, saying `message`, with a fix that says `hint`."""
    assert len(found) == 1, found
    text, _, fix = found[0].partition("\n    How to fix: ")
    assert text.startswith(where), found[0]
    assert message in text, found[0]
    assert fix and hint in fix, found[0]


def test_the_sites_data_has_no_mistakes() -> None:
    load(ROOT / "data", DOCS)  # each test below adds one mistake to it


# -- The calendar ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "offset", "field", "message"),
    [
        ("    end:", "    ende:", 6, "ende", "unknown field 'ende'"),
        (
            "venue: federation-office",
            "venue: no-such-place",
            3,
            "venue",
            "no place 'no-such-place' in places.yml",
        ),
        (
            "category: law-talk",
            "category: law-talks",
            2,
            "category",
            "no category 'law-talks' in categories.yml",
        ),
        ('end: "10:00"', 'end: "08:00"', 6, "end", "is not after the start"),
        ("date: 2027-01-20", "date: 2027-02-30", 4, "date", "2027-02-30 is not a date that exists"),
        (
            "date: 2027-01-20",
            "date: 2027-01-20\n    timezone: Asia/Chongqin",
            5,
            "timezone",
            "'Asia/Chongqin' is not a time zone",
        ),
        ('start: "09:00"', "start: 9am", 5, "start", "'9am' is not in the expected form"),
        ("id: test-talk", "id: Test Talk", 0, "id", "is not in the expected form"),
    ],
)
def test_broken_activity(data_dir: Path, old, new, offset, field, message) -> None:
    path = data_dir / "activities.yml"
    first = append_entry(path, ACTIVITY, old, new)
    # Column 5: where the field's name starts.
    where = f"data/activities.yml:{first + offset}:5: [activities[{last_index(path)}].{field}] "
    assert_one(problems(data_dir), where, message)


def test_duplicate_activity_id(data_dir: Path) -> None:
    path = data_dir / "activities.yml"
    first = append_entry(path, ACTIVITY)
    second = append_entry(path, ACTIVITY)
    assert_one(
        problems(data_dir),
        f"data/activities.yml:{second}:5: [activities[{last_index(path)}].id] ",
        f"the id 'test-talk' is already used (activities.yml line {first})",
        "give each activity its own id",
    )


@pytest.mark.parametrize(
    ("repeat", "offset", "column", "field", "message"),
    [
        (
            "    repeat: {frequency: weekly, until: 2027-01-01}\n",
            7,
            33,
            "repeat.until",
            "until 2027-01-01 is before",
        ),
        (
            "    repeat: {frequency: weekly, count: 3, until: 2027-03-01}\n",
            7,
            5,
            "repeat",
            "give either until (a last date) or count",
        ),
        (
            "    repeat: {frequency: daily, count: 3}\n",
            7,
            14,
            "repeat.frequency",
            "'daily' is not allowed here",
        ),
        (
            "    repeat: {frequency: monthly, weekday: 2SA, count: 3}\n",
            4,
            5,
            "date",
            "2027-01-20 is not a 2SA date",
        ),
        (
            "    repeat:\n      frequency: weekly\n      count: 3\n      except: [2027-01-21]\n",
            10,
            16,
            "repeat.except[0]",
            "the event does not repeat on 2027-01-21",
        ),
        (
            "    repeat:\n      frequency: weekly\n      count: 3\n      changes:\n"
            '        - {date: 2027-01-27, moved_to: {date: 2027-01-28, start: "14:00"}}\n',
            11,
            30,
            "repeat.changes[0].moved_to.end",
            "a date moved to other times needs both start and end",
        ),
        (
            "    repeat:\n      frequency: weekly\n      count: 3\n      changes:\n"
            "        - date: 2027-01-27\n          moved_to:\n            date: 2027-01-28\n"
            '            start: "14:00"\n            end: "13:00"\n',
            15,
            13,
            "repeat.changes[0].moved_to.end",
            "the end time 13:00 is not after the start 14:00",
        ),
    ],
)
def test_bad_recurrence(data_dir: Path, repeat, offset, column, field, message) -> None:
    path = data_dir / "activities.yml"
    first = append_entry(path, ACTIVITY, extra=repeat)
    index = last_index(path)
    where = f"data/activities.yml:{first + offset}:{column}: [activities[{index}].{field}] "
    assert_one(problems(data_dir), where, message)


def test_every_problem_in_every_file_is_reported_at_once(data_dir: Path) -> None:
    activities, places = data_dir / "activities.yml", data_dir / "places.yml"
    venue = append_entry(activities, ACTIVITY, "venue: federation-office", "venue: nowhere")
    category = append_entry(
        activities,
        ACTIVITY,
        "id: test-talk\n    title: {zh: 测试讲座, en: Test talk}\n    category: law-talk",
        "id: test-talk-two\n    title: {zh: 测试讲座, en: Test talk}\n    category: nothing",
    )
    township = append_entry(places, PLACE, "township: longju", "township: nowhere")
    with pytest.raises(DataError) as caught:
        load(data_dir)
    report = caught.value.report(data_dir.parent)
    assert report.startswith("3 problems in the site's data:\n"), report
    for expected in [
        f"data/activities.yml:{venue + 3}:5: [activities[{last_index(activities) - 1}].venue] "
        "no place 'nowhere' in places.yml",
        f"data/activities.yml:{category + 2}:5: [activities[{last_index(activities)}].category] "
        "no category 'nothing' in categories.yml",
        f"data/places.yml:{township + 2}:5: [places[{last_index(places)}].township] "
        "no township 'nowhere' in townships.yml",
    ]:
        assert expected in report, report


# -- What YAML may hold ---------------------------------------------------------------------

# Nine levels of eight aliases: about a billion strings if a loader expanded them.
ALIAS_BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 8)}]\n" for i in range(9)
)


def test_an_alias_bomb_is_refused_quickly(data_dir: Path) -> None:
    (data_dir / "organisers.yml").write_text(ALIAS_BOMB, encoding="utf-8")
    start = time.perf_counter()
    found = problems(data_dir)
    seconds = time.perf_counter() - start
    # Loading all of data/ takes about 0.1 s; expanding the aliases would take minutes. (A
    # wide margin: this tells refusing from expanding, not fast from slow on a busy machine.)
    assert seconds < 10, f"refusing the alias bomb took {seconds:.2f} s"
    assert found, found
    for problem in found:
        assert problem.startswith("data/organisers.yml:"), problem
        assert "anchors and aliases (&name, *name) are not supported" in problem, problem
        assert "How to fix: write the value out in full" in problem, problem


def test_a_python_tag_is_refused_not_run(data_dir: Path, tmp_path: Path) -> None:
    path, ran = data_dir / "categories.yml", tmp_path / "ran"
    line = line_of(path, "categories:")
    edit(path, "categories:", f"evil: !!python/object/apply:os.system ['touch {ran}']\ncategories:")
    found = problems(data_dir)
    # The tag itself is refused: not only the field it sits on, which the schema does not know.
    assert_one(
        found,
        f"data/categories.yml:{line}:1: [evil] ",
        "python/object/apply:os.system' is not supported",
        "remove the !tag",
    )
    assert "unknown field" not in found[0], found[0]
    assert not ran.exists(), "the loader ran the tag's command"


# -- Warnings, not mistakes -----------------------------------------------------------------


def test_a_missing_translation_is_only_a_warning(data_dir: Path) -> None:
    path = data_dir / "activities.yml"
    first = append_entry(
        path, ACTIVITY, "title: {zh: 测试讲座, en: Test talk}", "title: {zh: 测试讲座}"
    )
    index = last_index(path)
    warnings = [w.format(data_dir.parent) for w in load(data_dir).warnings]
    ours = [w for w in warnings if f"[activities[{index}]." in w]  # not the site's own
    assert_one(
        ours,
        f"data/activities.yml:{first + 1}:5: [activities[{index}].title] ",
        "no en text yet; the en pages show another language with a notice",
        "add 'en: ...' under 'title'",
    )


def test_a_monthly_event_on_the_31st_warns_that_short_months_are_skipped(data_dir: Path) -> None:
    path = data_dir / "activities.yml"
    first = append_entry(
        path,
        ACTIVITY,
        "date: 2027-01-20",
        "date: 2027-01-31",
        extra="    repeat: {frequency: monthly, count: 6}\n",
    )
    index = last_index(path)
    warnings = [w.format(data_dir.parent) for w in load(data_dir).warnings]
    ours = [w for w in warnings if f"[activities[{index}]." in w]
    assert_one(
        ours,
        f"data/activities.yml:{first + 4}:5: [activities[{index}].date] ",
        "a monthly event on day 31 skips the months that have no day 31",
        "'weekday: -1FR' for the last Friday",
    )


def test_a_place_booked_twice_at_once_is_only_a_warning(data_dir: Path) -> None:
    path = data_dir / "activities.yml"
    append_entry(path, ACTIVITY)
    append_entry(path, ACTIVITY, "id: test-talk", "id: test-talk-two")
    data = load(data_dir)  # no DataError
    clashes = [
        ([o.activity.id for o in group], group[0].activity.venue.id, f"{group[0].start:%H:%M}")
        for group in double_bookings(all_occurrences(data))
        if {o.activity.id for o in group} & {"test-talk", "test-talk-two"}
    ]
    assert clashes == [(["test-talk", "test-talk-two"], "federation-office", "09:00")]


# -- The directory --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "offset", "column", "field", "message", "hint"),
    [
        (
            '    phones:\n      - number: "023-0000 0999"\n        example: true\n',
            "",
            1,
            5,
            "kind",
            "'test-womens-home' is listed in the directory but has no phone number",
            "add 'phones:'",
        ),
        (
            '"023-0000 0999"',
            '"023-581"',
            6,
            9,
            "phones[0].number",
            "'023-581' is not a phone number in China",
            "a landline with its area code",
        ),
        (
            '"023-0000 0999"',
            '"call us"',
            6,
            9,
            "phones[0].number",
            "'call us' is not a phone number in China",
            "11-digit mobile number",
        ),
        (
            "township: longju",
            "township: longjiu",
            2,
            5,
            "township",
            "no township 'longjiu' in townships.yml",
            "did you mean 'longju'? Or add 'longjiu' to townships.yml",
        ),
        (
            "services: [legal-rights]",
            "services: [legal-right]",
            8,
            16,
            "services[0]",
            "no service 'legal-right' in services.yml",
            "did you mean 'legal-rights'?",
        ),
        (
            "kind: womens-home",
            "kind: womens-house",
            1,
            5,
            "kind",
            "'womens-house' is not allowed here",
            "use one of: district-federation",
        ),
    ],
)
def test_broken_place(data_dir: Path, old, new, offset, column, field, message, hint) -> None:
    path = data_dir / "places.yml"
    first = append_entry(path, PLACE, old, new)
    where = f"data/places.yml:{first + offset}:{column}: [places[{last_index(path)}].{field}] "
    assert_one(problems(data_dir), where, message, hint)


def test_duplicate_place_id(data_dir: Path) -> None:
    path = data_dir / "places.yml"
    first = append_entry(path, PLACE)
    second = append_entry(path, PLACE)
    assert_one(
        problems(data_dir),
        f"data/places.yml:{second}:5: [places[{last_index(path)}].id] ",
        f"the place id 'test-womens-home' is used twice (first on line {first})",
        "give each one its own id",
    )


def test_duplicate_township_id(data_dir: Path) -> None:
    path = data_dir / "townships.yml"
    added = line_of(path, "townships:\n") + 1
    twin = "  - id: longju\n    name: {zh: 龙驹镇, en: Longju Town}\n"
    edit(path, "townships:\n", f"townships:\n{twin}")
    assert_one(
        problems(data_dir),
        "data/townships.yml:",
        f"the township id 'longju' is used twice (first on line {added})",
        "give each one its own id",
    )


def test_unknown_field_in_places(data_dir: Path) -> None:
    path = data_dir / "places.yml"
    entry = "  - id: federation-office"
    line, index = line_of(path, entry) + 1, index_at(path, entry)
    edit(path, entry, f"{entry}\n    phone: 123")
    assert_one(
        problems(data_dir),
        f"data/places.yml:{line}:5: [places[{index}].phone] ",
        "unknown field 'phone'",
        "the fields allowed here are:",
    )


def test_malformed_hotline(data_dir: Path) -> None:
    path = data_dir / "hotlines.yml"
    line = line_of(path, 'number: "110"')
    edit(path, 'number: "110"', 'number: "11O"')
    assert_one(
        problems(data_dir),
        f"data/hotlines.yml:{line}:5: [hotlines[1].number] ",
        "'11O' is not a phone number in China",
        "a short public number",
    )


def test_unquoted_hotline_number(data_dir: Path) -> None:
    path = data_dir / "hotlines.yml"
    line = line_of(path, 'number: "110"')
    edit(path, 'number: "110"', "number: 110")
    assert_one(
        problems(data_dir),
        f"data/hotlines.yml:{line}:5: [hotlines[1].number] ",
        "must be text",
        "A phone number in quotes",
    )


def test_service_page_that_does_not_exist(data_dir: Path) -> None:
    path = data_dir / "services.yml"
    entry = "page: services/health.md"
    line, index = line_of(path, entry), index_at(path, entry)
    edit(path, "services/health.md", "services/helth.md")
    assert_one(
        problems(data_dir, DOCS),
        f"data/services.yml:{line}:5: [services[{index}].page] ",
        "there is no page docs/services/helth.md",
        "write the path of the service's Chinese page under docs/",
    )
