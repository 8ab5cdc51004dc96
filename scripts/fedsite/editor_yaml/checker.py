"""Collect an editor's mistakes while building the model from one data file: each problem with
its file:line:column, field, what is wrong and how to fix it. Shared by every data file."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fedsite.editor_yaml.source import FieldPath, YamlSource
from fedsite.localization.languages import is_language
from fedsite.localization.texts import Text, text_or_none
from fedsite.messages.catalogue import Message, message
from fedsite.messages.problems import Problem

DEFAULT_TIMEZONE = "Asia/Shanghai"
# How far from the build's "today" a date of the calendar may be. They bound what data can make
# of a build: a month page for each month with an activity, each repeating activity's dates.
PAST_YEARS = 10
FUTURE_YEARS = 5


def years_from(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


@dataclass
class Checker:
    """Collects problems while building the model from one file. With `today`, the file's
    dates are the calendar's: within PAST_YEARS before it and FUTURE_YEARS after."""

    source: YamlSource
    languages: Sequence[str]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    today: dt.date | None = None
    # Texts in a language the site does not build (it removed one, or has not added it yet):
    # language -> how many, left out of the site and counted in the check's summary.
    ignored: Counter[str] = field(default_factory=Counter)

    @property
    def latest(self) -> dt.date:
        """The last date the calendar takes."""
        return years_from(self.today, FUTURE_YEARS) if self.today else dt.date.max

    def in_window(self, day: dt.date, path: FieldPath) -> bool:
        """Is `day` a date the calendar takes? If not, say so at `path`."""
        if self.today is None:
            return True
        earliest = years_from(self.today, -PAST_YEARS)
        if day > self.latest:
            self.error(
                path,
                "calendar.date_too_far",
                day=day,
                count=FUTURE_YEARS,
                today=self.today,
                latest=self.latest,
            )
            return False
        if day < earliest:
            self.error(path, "calendar.date_too_old", day=day, count=PAST_YEARS, earliest=earliest)
            return False
        return True

    def error(self, path: FieldPath, key: str, /, **values: Any) -> None:
        """A mistake at `path`, said by the catalogue's `key` with the values it quotes."""
        self.problems.append(self.source.problem(path, key, **values))

    def warn(self, path: FieldPath, key: str, /, **values: Any) -> None:
        self.warnings.append(self.source.problem(path, key, **values))

    def required_text(self, item: dict, path: FieldPath, key: str) -> Text:
        """A text the schema requires (so it is there once the file is checked)."""
        return self.text(item, path, key) or Text({})

    def built(self, lang: str, path: FieldPath) -> bool:
        """Is `lang` (a key under a text) a language the site builds? A language it does not
        build is counted and left out; a key that is no language at all is a mistake."""
        if lang in self.languages:
            return True
        if is_language(lang):
            self.ignored[lang] += 1
        else:
            self.error(path, "text.unknown_language", lang=lang, languages=self.languages)
        return False

    def text(self, item: dict, path: FieldPath, key: str) -> Text | None:
        value = item.get(key)
        if value is None:
            return None
        value = {lang: text for lang, text in value.items() if self.built(lang, (*path, key, lang))}
        if not value:
            self.error((*path, key), "text.none_built", languages=self.languages, key=key)
            return None
        for lang in self.languages:
            if lang not in value:
                self.warn((*path, key), "text.no_translation", lang=lang, key=key)
                self.warnings[-1] = replace(self.warnings[-1], missing_translation=lang)
        return text_or_none(value)

    def date(self, value: str | None, path: FieldPath) -> dt.date | None:
        if value is None:
            return None
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            self.error(path, "calendar.no_such_date", value=value)
            return None
        return day if self.in_window(day, path) else None

    def time(self, value: str | None) -> dt.time | None:
        return dt.time.fromisoformat(value) if value else None  # the schema checked the form

    def timezone(self, value: str | None, path: FieldPath) -> ZoneInfo | None:
        if value is None:
            return None
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            self.error(path, "calendar.no_such_timezone", value=value, example=DEFAULT_TIMEZONE)
            return None

    def reference(
        self, table: dict[str, Any], value: str | None, path: FieldPath, what: str, file: str
    ) -> Any:
        if value is None:
            return None
        if value not in table:
            self.error(
                path,
                "data.unknown_reference",
                what=message(f"data.thing.{what}"),
                value=value,
                file=file,
                fix=did_you_mean(value, table, file),
            )
        return table.get(value)


def items(checker: Checker, key: str) -> list[tuple[FieldPath, dict]]:
    return [((key, i), item) for i, item in enumerate(checker.source.data[key])]


def check_unique(checker: Checker, key: str, what: str) -> None:
    seen: dict[str, int | str] = {}
    for path, item in items(checker, key):
        if item["id"] in seen:
            line = checker.source.where((key, seen[item["id"]]))[0]
            checker.error(
                (*path, "id"),
                "data.id_twice",
                what=message(f"data.thing.{what}"),
                id=item["id"],
                line=str(line),
            )
        seen.setdefault(item["id"], path[1])


def did_you_mean(value: str, known: Iterable[str], file: str) -> Message:
    """The closest known ids first (a typo is the usual cause), else a few of them."""
    known = sorted(known)
    if "，" in value or "、" in value:
        return message("data.list_with_chinese_commas")
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.8)
    if close:
        return message("data.did_you_mean", close=close, value=value, file=file)
    listed = known[:12] + (["..."] if len(known) > 12 else [])
    return message("data.check_spelling", known=listed, file=file)
