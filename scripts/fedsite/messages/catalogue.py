"""Every message editors read, from one catalogue (catalogue.yml): a key, and for each language
editors read (Chinese and English) its text, or its message and how to fix it. A text that
counts something has a form for each CLDR plural category of its language (English: one,
other; Chinese: other), chosen through Babel; numbers and lists in a message are Babel's too.

A catalogue rather than gettext: the texts are short and keyed by what went wrong, not by an
English sentence, so a change of English wording changes no key, and one YAML file is what a
translator (or a third editors' language) needs, beside the site's own strings."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal

CATALOGUE = Path(__file__).with_name("catalogue.yml")
SOURCE = "en"  # every key has it; a language without a key shows it
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@dataclass(frozen=True)
class Message:
    """What to say, in no language yet: a catalogue key and the values it quotes. A value may be
    a Message itself, or a mapping of language to text, said in the language of the whole."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, language: str, part: str = "message") -> str:
        """The message (or `part`: "hint") in `language`; "" when it has no such part."""
        return _render(self.key, language, part, dict(self.values))


def message(key: str, /, **values: Any) -> Message:
    """A message of the catalogue, with the values it quotes. An unknown key is a mistake of
    the program, found here rather than when an editor's mistake is shown."""
    if key not in catalogue():
        raise KeyError(f"no message {key!r} in {CATALOGUE.name}")
    return Message(key, tuple(values.items()))


def say(key: str, language: str, /, **values: Any) -> str:
    """One text of the catalogue in `language`, with its values filled in."""
    return message(key, **values).text(language)


def languages() -> tuple[str, ...]:
    """The languages editors can read the messages in: those of the catalogue."""
    return tuple(dict.fromkeys(lang for entry in catalogue().values() for lang in entry))


Entry = dict[str, dict[str, Any]]  # language -> part ("message", "hint") -> text or plurals


@cache
def catalogue() -> dict[str, Entry]:
    """Key ("calendar.end_before_start") -> its texts. In the file, keys are grouped in sections:
    a mapping with an `en` text is an entry, any other mapping a section of entries."""
    # libyaml where PyYAML has it: the pure-Python parser takes a third of a second here.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(CATALOGUE.read_text(encoding="utf-8"), Loader=loader)
    entries: dict[str, Entry] = {}

    def walk(node: Mapping[str, Any], prefix: str) -> None:
        for name, value in node.items():
            key = f"{prefix}{name}"
            if isinstance(value, Mapping) and SOURCE in value:
                entries[key] = {lang: _parts(texts) for lang, texts in value.items()}
            elif isinstance(value, Mapping):
                walk(value, key + ".")
            else:
                raise ValueError(f"{CATALOGUE.name}: {key} is neither an entry nor a section")

    walk(raw, "")
    return entries


def _parts(texts: Any) -> dict[str, Any]:
    if isinstance(texts, str) or (
        isinstance(texts, Mapping) and set(texts) <= {*PLURAL_CATEGORIES}
    ):
        return {"message": texts}
    return dict(texts)


def _render(key: str, language: str, part: str, values: dict[str, Any]) -> str:
    entry = catalogue()[key]
    template = (entry.get(language) or entry[SOURCE]).get(part)
    if template is None:
        return ""
    if isinstance(template, Mapping):
        template = _plural(template, language, values)
    return _Formatter(language).vformat(template, (), values)


def _plural(forms: Mapping[str, str], language: str, values: Mapping[str, Any]) -> str:
    count = values.get("count")
    if not isinstance(count, int):
        raise ValueError("a message with plural forms counts its `count`")
    category = Locale.parse(language).plural_form(count)
    return forms.get(category) or forms["other"]


class _Formatter(string.Formatter):
    """str.format with values said in the message's language: a list as Babel joins it in that
    language (`{names:and}`; `{names:or}` for alternatives; `{names:or-quoted}` with each
    quoted; names to copy as `{names:comma}`, joined as code is), a whole
    number with Babel's grouping, a nested message or a text per language in that language."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        language = self.language
        if isinstance(value, Message):
            return value.text(language)
        if isinstance(value, Mapping):
            return self.format_field(value.get(language, value.get(SOURCE, "")), format_spec)
        if isinstance(value, Sequence) and not isinstance(value, str):
            items = [self.format_field(item, "") for item in value]
            style, *options = format_spec.split("-")
            if "quoted" in options:
                items = [say("format.quoted", language, text=item) for item in items]
            if style == "comma":  # names to copy (fields, ids): as they are written
                return ", ".join(items)
            if not items:
                return ""
            if style == "or":
                return format_list(items, style="or", locale=language)
            return format_list(items, locale=language)
        if isinstance(value, int) and not isinstance(value, bool) and not format_spec:
            return format_decimal(value, locale=language)
        if isinstance(value, (dt.date, dt.time)) and not format_spec:
            return value.isoformat()
        return super().format_field(value, format_spec)
