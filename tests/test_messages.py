"""The catalogue of editor messages (fedsite/messages/catalogue.yml): every message in every
language editors read, each one renders with the values it quotes, every key the package says
exists in the catalogue and every key of the catalogue is said; the schemas name each field
in Chinese once. Each check has a twin that plants the mistake it is there to find."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import string
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from fedsite.messages import catalogue as catalogue_module
from fedsite.messages.catalogue import PLURAL_CATEGORIES, catalogue, languages, message, say
from fedsite.resources import SCHEMAS

PACKAGE = Path(catalogue_module.__file__).resolve().parents[1]
EDITORS_READ = ("zh", "en")  # the languages editors' messages must be in


# -- what the checks look at -------------------------------------------------------------------


def placeholders(text: Any) -> dict[str, str]:
    """A text's (or its plural forms') values: name -> format spec."""
    if isinstance(text, Mapping):
        found: dict[str, str] = {}
        for form in text.values():
            found.update(placeholders(form))
        return found
    return {
        field.split(".")[0].split("[")[0]: spec or ""
        for _, field, spec, _ in string.Formatter().parse(text)
        if field
    }


def dummy(name: str, spec: str) -> Any:
    if spec.split("-")[0] in ("and", "or", "comma"):
        return ["甲", "b"]
    if spec.startswith("%"):
        return dt.datetime(2026, 12, 5, 9, 30)
    if name == "count" or spec.endswith("d"):
        return 2
    if spec.endswith(("f", "%")):
        return 2.5
    return "x"


def entry_problems(entries: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> list[str]:
    """What is wrong with catalogue entries: a language editors read left out, a part (message,
    how to fix) in one language only, a plural form that is no CLDR category, or a text that
    does not render with the values it quotes."""
    found: list[str] = []
    for key, entry in entries.items():
        for lang in EDITORS_READ:
            if lang not in entry:
                found.append(f"{key}: no {lang} text")
        parts = {lang: set(texts) for lang, texts in entry.items()}
        if len({frozenset(p) for p in parts.values()}) > 1:
            found.append(f"{key}: parts differ between languages: {parts}")
        for lang, texts in entry.items():
            for part, text in texts.items():
                if isinstance(text, Mapping):
                    if not set(text) <= set(PLURAL_CATEGORIES) or "other" not in text:
                        found.append(f"{key} {lang} {part}: plural forms {sorted(text)}")
                    counts: Iterable[int] = (0, 1, 2, 5, 21, 1000)
                else:
                    counts = (2,)
                try:
                    values = {n: dummy(n, s) for n, s in placeholders(text).items()}
                except ValueError as error:  # a brace that opens nothing, or closes nothing
                    found.append(f"{key} {lang} {part}: does not render: {error!r}")
                    continue
                for count in counts:
                    if isinstance(text, Mapping):
                        values["count"] = count
                    try:
                        rendered = message_text(entries, key, lang, part, values)
                    except (KeyError, ValueError, IndexError, TypeError) as error:
                        found.append(f"{key} {lang} {part}: does not render: {error!r}")
                        break
                    if not rendered.strip():
                        found.append(f"{key} {lang} {part}: renders as nothing")
    return found


def message_text(
    entries: Mapping[str, Any], key: str, lang: str, part: str, values: dict[str, Any]
) -> str:
    """Render through the package when `entries` is the package's catalogue; a planted entry
    renders through the same formatter, by str.format rules."""
    if entries is catalogue():
        return catalogue_module.Message(key, tuple(values.items())).text(lang, part)
    template = entries[key][lang][part]
    if isinstance(template, Mapping):
        template = template.get("other", "")
    return catalogue_module._Formatter(lang).vformat(template, (), values)


KEY_SHAPE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
FILE_NAME = re.compile(r".*\.(j2|json|yml|yaml|md|py|html|css|js)")  # calendar.md.j2 is no key


def said_keys(sources: Iterable[tuple[str, str]], sections: set[str]) -> tuple[set, set]:
    """The keys a program's sources name: whole keys (a string that looks like one and starts
    with a section of the catalogue) and key prefixes an f-string completes
    (f"data.thing.{what}"). `sources` is (name, Python source) pairs."""
    whole: set[tuple[str, str]] = set()
    prefixes: set[str] = set()
    for name, source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.JoinedStr):
                first = node.values[0] if node.values else None
                start = str(first.value) if isinstance(first, ast.Constant) else ""
                if start.endswith(".") and start.split(".")[0] in sections:
                    prefixes.add(start)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                looks_like_a_key = KEY_SHAPE.fullmatch(text) and not FILE_NAME.fullmatch(text)
                if looks_like_a_key and text.split(".")[0] in sections:
                    whole.add((name, text))
    return whole, prefixes


def key_problems(entries: Mapping[str, Any], sources: Iterable[tuple[str, str]]) -> list[str]:
    """A key said that the catalogue lacks, or a key of the catalogue nothing says."""
    sections = {key.split(".")[0] for key in entries}
    whole, prefixes = said_keys(sources, sections)
    found = [
        f"{name}: no message {key!r} in the catalogue"
        for name, key in sorted(whole)
        if key not in entries
    ]
    said = {key for _, key in whole}
    # A key whose last part an f-string fills in is said when its prefix is.
    for key in entries:
        if key not in said and not any(key.startswith(p) for p in prefixes):
            found.append(f"{key}: in the catalogue but said nowhere")
    for prefix in prefixes:
        if not any(key.startswith(prefix) for key in entries):
            found.append(f"{prefix}*: said, but the catalogue has no such key")
    return found


def package_sources() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(PACKAGE)), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def chinese_name_problems(schemas: Mapping[str, Any]) -> list[str]:
    """A property of a schema without a Chinese name, or one field given two Chinese names."""
    found: list[str] = []
    names: dict[str, tuple[str, str]] = {}

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, prop in (node.get("properties") or {}).items():
                if not isinstance(prop, dict):
                    continue
                name = prop.get("title_zh")
                if not name:
                    found.append(f"{where}: the field {key!r} has no title_zh")
                elif key in names and names[key][0] != name:
                    found.append(
                        f"{where}: {key!r} is {name!r} here, {names[key][0]!r} in {names[key][1]}"
                    )
                else:
                    names.setdefault(key, (name, where))
            for value in node.values():
                walk(value, where)
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    for where, schema in schemas.items():
        walk(schema, where)
    return found


def package_schemas() -> dict[str, Any]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMAS.glob("*.schema.json"))
    }


# -- the package's catalogue ------------------------------------------------------------------


def test_every_message_is_in_every_language_and_renders() -> None:
    assert set(EDITORS_READ) <= set(languages())
    assert entry_problems(catalogue()) == []


def test_a_message_missing_a_language_or_not_rendering_is_found() -> None:
    planted = {
        "calendar.only_english": {"en": {"message": "{day} is wrong"}},
        "calendar.stray_brace": {
            "zh": {"message": "写在 { 里"},
            "en": {"message": "written in {{ }}"},
        },
        "calendar.no_hint_in_chinese": {
            "zh": {"message": "不对"},
            "en": {"message": "wrong", "hint": "fix it"},
        },
        "calendar.odd_plural": {
            "zh": {"message": "{count} 项"},
            "en": {"message": {"single": "{count} item", "other": "{count} items"}},
        },
    }
    found = "\n".join(entry_problems(planted))
    assert "calendar.only_english: no zh text" in found
    assert "calendar.stray_brace zh message: does not render" in found
    assert "calendar.no_hint_in_chinese: parts differ" in found
    assert "calendar.odd_plural en message: plural forms" in found


def test_every_key_said_is_in_the_catalogue_and_every_key_is_said() -> None:
    assert key_problems(catalogue(), package_sources()) == []


def test_a_misspelt_key_and_an_unused_one_are_found() -> None:
    planted_catalogue = {
        **catalogue(),
        "calendar.nobody_says_this": {"zh": {"message": "无"}, "en": {"message": "none"}},
    }
    planted_source = (
        "planted.py",
        'say("calendar.end_befor_start", "zh")\nmessage(f"data.thingz.{what}")\n',
    )
    found = "\n".join(key_problems(planted_catalogue, [*package_sources(), planted_source]))
    assert "planted.py: no message 'calendar.end_befor_start'" in found
    assert "calendar.nobody_says_this: in the catalogue but said nowhere" in found
    assert "data.thingz.*: said, but the catalogue has no such key" in found


def test_an_unknown_key_fails_where_it_is_said() -> None:
    with pytest.raises(KeyError, match=r"calendar\.no_such_message"):
        message("calendar.no_such_message")


def test_counts_lists_and_numbers_are_said_in_each_language() -> None:
    key = "format.report_head"
    assert say(key, "en", count=1) != say(key, "en", count=2)
    one, many = say(key, "en", count=1), say(key, "en", count=1234)
    assert "1" in one and "1,234" in many
    assert "1,234" in say(key, "zh", count=1234)
    said = message("text.unknown_language", lang="xx", languages=["zh", "en", "ug"])
    assert said.text("en", "hint").endswith("zh, en, or ug")
    assert said.text("zh", "hint").endswith("zh、en或ug")


# -- field names -----------------------------------------------------------------------------


def test_every_field_has_one_chinese_name() -> None:
    assert chinese_name_problems(package_schemas()) == []


def test_a_field_without_a_chinese_name_or_with_two_is_found() -> None:
    planted = {
        "a.schema.json": {"properties": {"venue": {"type": "string", "title_zh": "地点"}}},
        "b.schema.json": {
            "properties": {
                "venue": {"type": "string", "title_zh": "场地"},
                "capacity": {"type": "integer"},
            }
        },
    }
    found = "\n".join(chinese_name_problems(planted))
    assert "'venue' is '场地' here, '地点' in a.schema.json" in found
    assert "the field 'capacity' has no title_zh" in found
