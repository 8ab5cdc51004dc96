"""What an editor's YAML may hold, checked by the engine alone (no site build, seconds): no tags,
no aliases, no invisible control characters, no runaway sizes, one meaning for every schema
rule in both validators, no id that collides with one the site makes, and placeholders in
ui.yml that the engine can fill. Each mistake gives file:line:column, field and a fix."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema_rs
import pytest
from conftest import ROOT
from fedsite import resources
from fedsite.editor_yaml.schema_check import EcmaValidator, check_against_schema
from fedsite.editor_yaml.source import MAX_VALUE_CHARS, load_yaml, load_yaml_text
from fedsite.localization.ui_strings import load_ui_strings
from fedsite.messages.problems import DataError
from fedsite.site_data import load_site_data

SCHEMAS = resources.SCHEMAS
LANGUAGES = ["zh", "en"]


def problems_of(text: str, name: str = "x.yml") -> list[str]:
    try:
        load_yaml_text(text, Path(name))
    except DataError as exc:
        return [p.format() for p in exc.problems]
    return []


# -- The YAML loader ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: !!python/object/apply:os.system [echo]\n", 1),
        ("a:\n  b: !!python/object/new:dict\n    x: 1\n", 2),  # on a mapping
        ("a: !!python/tuple [1, 2]\n", 1),  # on a list
        ("a: !!binary aGk=\n", 1),
        ("a: !custom text\n", 1),
        ("? !!python/name:os.system\n: 1\n", 1),  # on a key
        ("a: !!set {x}\n", 1),
    ],
)
def test_tags_are_refused_everywhere(text: str, line: int) -> None:
    found = problems_of(text)
    assert len(found) == 1, found
    assert f"x.yml:{line}:" in found[0]
    assert "not supported" in found[0] or "key must be plain text" in found[0]
    assert "unknown field" not in found[0]


def test_aliases_are_refused() -> None:
    found = problems_of("a: &x [1, 2]\nb: *x\n")
    assert found and "anchors and aliases" in found[0] and "x.yml:2:" in found[0]


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\x00", "U+0000"),
        ("\\v", "U+000B"),
        ("\\f", "U+000C"),
        ("\\x1c", "U+001C"),
        ("\\x7f", "U+007F"),
        ("\\x85", "U+0085"),
        ("\\u2028", "U+2028"),
        ("\\u2029", "U+2029"),
        ("\\u202e", "U+202E"),
        ("\\u2066", "U+2066"),
    ],
)
def test_invisible_control_characters_are_refused(escape: str, code: str) -> None:
    found = problems_of(f'title:\n  en: "Law talk{escape}"\n')
    assert len(found) == 1, found
    assert "x.yml:2:3: [title.en]" in found[0]
    assert f"control character ({code}) after 'Law talk'" in found[0]


@pytest.mark.parametrize("raw", ["\x01", "\x1f", "\x7f"])
def test_a_raw_control_character_is_named_where_it_is(raw: str) -> None:
    # Typed as it is (not escaped in quotes), YAML refuses it before parsing.
    found = problems_of(f"title:\n  en: Law talk{raw} today\n")
    assert len(found) == 1, found
    assert "x.yml:2:15:" in found[0]
    assert f"control character (U+{ord(raw):04X}) after 'en: Law talk'" in found[0]


def test_tabs_and_newlines_inside_text_are_fine() -> None:
    assert problems_of('a: "one\\ttwo\\nthree"\nb: |\n  line one\n  line two\n') == []


def test_a_runaway_value_is_refused_with_its_size_not_its_text() -> None:
    found = problems_of("a: " + "长" * (MAX_VALUE_CHARS + 1) + "\n")
    assert len(found) == 1
    assert "too long (5,001 characters" in found[0]
    assert "长" * 80 not in found[0]


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = tmp_path / "big.yml"
    with big.open("w") as out:
        out.write("a: |\n")
        out.write(("  " + "x" * 98 + "\n") * 210_000)
    with pytest.raises(DataError) as caught:
        load_yaml(big)
    assert "the file is too large (21 MB; at most 20 MB)" in caught.value.report()


@pytest.mark.parametrize(
    ("text", "where", "message", "hint"),
    [
        (
            "description: Legal rights: where to go\n",
            "x.yml:1:26: [description]",
            "mapping values are not allowed",
            "put the whole text in quotes",
        ),
        ("a: 1\n\tb: 2\n", "x.yml:2:1: [b]", "a tab character", "indent with spaces"),
        ("a:\n\t- 1\n", "x.yml:2:1:", "a tab character", "indent with spaces"),
        (
            'a: 1\nb: "not closed\nc: 2\n',
            "x.yml:2:4: [b]",
            "a quote is not closed",
            "end the text with the same quote mark",
        ),
        ("a: [1, 2\nb: 3\n", "x.yml:", "did not find expected", "must end with ]"),
    ],
)
def test_syntax_mistakes_say_where_and_how_to_fix(text, where, message, hint) -> None:
    found = problems_of(text)
    assert len(found) == 1
    assert found[0].startswith(where), found[0]
    assert message in found[0] and hint in found[0].split("How to fix:")[1]


# -- One meaning for every schema rule ------------------------------------------------------


def schema_patterns() -> list[str]:
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in SCHEMAS.glob("*.json"):
        walk(json.loads(path.read_text("utf-8")))
    return sorted(found)


# Strings that some pattern accepts, and the same with what one validator used to let through.
SAMPLES = [
    "legal-rights",
    "a",
    "09:30",
    "2026-12-05",
    "2SA",
    "-1FR",
    "zh",
    "en-GB",
    "Asia/Shanghai",
    "services/legal-rights.md",
    "home.html",
    "0123abc",
    "法律讲座",
    "",
]
VARIANTS = [
    lambda s: s,
    lambda s: s + "\n",
    lambda s: "\n" + s,
    lambda s: s + "\r\n",
    lambda s: s + " ",
    lambda s: s.upper(),
    lambda s: s + "\u0663",  # an Arabic-Indic digit: Unicode \d in some engines
]


@pytest.mark.parametrize("pattern", schema_patterns())
def test_both_validators_read_every_pattern_alike(pattern: str) -> None:
    schema = {"type": "string", "pattern": pattern}
    rust = jsonschema_rs.validator_for(schema)
    python = EcmaValidator(schema)
    differ = [
        (text, rust.is_valid(text))
        for sample in SAMPLES
        for variant in VARIANTS
        if rust.is_valid(text := variant(sample)) != python.is_valid(text)
    ]
    assert differ == []


def test_an_id_ending_in_a_newline_is_refused() -> None:
    source = load_yaml_text(
        'categories:\n  - id: "law-talk\\n"\n    name: {zh: 讲座}\n', Path("c.yml")
    )
    found = [p.format() for p in check_against_schema(source, SCHEMAS, "categories.schema.json")]
    assert len(found) == 1 and "c.yml:2:5: [categories[0].id]" in found[0], found
    assert "not in the expected form" in found[0]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - id: " + "law-" * 15 + "talk\n    name: {zh: 讲座}\n", "[categories[0].id] too long"),
        (
            "  - id: law-talk\n    name: {zh: " + "长" * 151 + "}\n",
            "[categories[0].name.zh] too long",
        ),
        (
            "  - id: law-talk\n    name: {zh: 讲座}\n    description: {en: " + "x" * 2001 + "}\n",
            "[categories[0].description.en] too long (2,001 characters; at most 2,000)",
        ),
        ('  - id: law-talk\n    name: {zh: "讲座\\n再"}\n', "[categories[0].name.zh] '讲座 再'"),
    ],
)
def test_ids_and_texts_have_limits(entry: str, message: str) -> None:
    source = load_yaml_text("categories:\n" + entry, Path("c.yml"))
    found = [p.format() for p in check_against_schema(source, SCHEMAS, "categories.schema.json")]
    assert len(found) == 1 and message in found[0], found
    assert "c.yml:2:" in found[0] or "c.yml:3:" in found[0] or "c.yml:4:" in found[0]


# -- Ids the site makes from the data -------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ROOT / "data", tmp_path / "data"))


def load(data_dir: Path) -> list[str]:
    try:
        load_site_data(data_dir, LANGUAGES, lambda path: __import__("datetime").date(2026, 12, 1))
    except DataError as exc:
        return [p.format() for p in exc.problems]
    return []


def first_course_id(data_dir: Path) -> str:
    return re.search(r"^  - id: (\S+)", (data_dir / "trainings.yml").read_text("utf-8"), re.M)[1]


def append_activity(data_dir: Path, activity_id: str) -> None:
    with (data_dir / "activities.yml").open("a", encoding="utf-8") as out:
        out.write(
            f"  - id: {activity_id}\n    title: {{zh: 测试, en: Test}}\n    category: law-talk\n"
            '    venue: federation-office\n    date: 2027-01-20\n    start: "09:00"\n'
            '    end: "10:00"\n'
        )


def test_an_activity_cannot_take_a_course_sessions_id(data_dir: Path) -> None:
    course = first_course_id(data_dir)
    append_activity(data_dir, f"{course}-1")
    found = load(data_dir)
    assert len(found) == 1, found
    assert f"session 1 of this course gets the id '{course}-1', which is already used" in found[0]
    assert "data/trainings.yml:" in found[0] or "trainings.yml:" in found[0]


@pytest.mark.parametrize("activity_id", ["d-2027-01-20", "m-2027-01"])
def test_an_activity_cannot_take_an_id_the_calendar_pages_use(data_dir, activity_id) -> None:
    append_activity(data_dir, activity_id)
    found = load(data_dir)
    assert len(found) == 1 and "looks like an id the site gives a date or a month" in found[0]


def test_an_activity_cannot_take_the_id_of_one_date_of_a_series(data_dir: Path) -> None:
    text = (data_dir / "activities.yml").read_text("utf-8")
    series = re.search(r"^  - id: (\S+)\n(?:    .*\n)*?    repeat:", text, re.M)[1]
    append_activity(data_dir, f"{series}-20270120")
    found = load(data_dir)
    assert len(found) == 1 and f"'{series}-20270120' looks like an id the site gives" in found[0]


# -- Placeholders in ui.yml -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('  en: "Sign up by: {date}"', '  en: "Sign up by: {dat}"', "unknown placeholder {dat}"),
        (
            '  en: "Sign up by: {date}"',
            '  en: "Sign up by: {date.__class__}"',
            "unknown placeholder {date.__class__}",
        ),
        ('  en: "Sign up by: {date}"', '  en: "Sign up by: {date!r}"', "unknown placeholder"),
        ('  en: "Sign up by: {date}"', '  en: "Sign up by: {date"', "a '{' or '}' that is not"),
    ],
)
def test_ui_placeholders_must_be_ones_the_engine_fills(tmp_path, old, new, message) -> None:
    ui = tmp_path / "ui.yml"  # a site's, changing the package's string
    text = 'deadline:\n  zh: "报名截止：{date}"\n  en: "Sign up by: {date}"\n'
    assert old in text
    ui.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_ui_strings(LANGUAGES, ui)
    report = caught.value.report()
    assert "ui.yml:3:" in report and "[deadline.en]" in report and message in report
    assert "How to fix: this text may use" in report
