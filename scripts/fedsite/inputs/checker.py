"""Collect an editor's mistakes while building the model from one data file: each problem with
its file:line:column, field, what is wrong and how to fix it. Shared by every data file."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fedsite.inputs.errors import Problem
from fedsite.inputs.yaml_source import FieldPath, YamlSource
from fedsite.localization.texts import Text, text_or_none

DEFAULT_TIMEZONE = "Asia/Shanghai"


@dataclass
class Checker:
    """Collects problems while building the model from one file."""

    source: YamlSource
    languages: Sequence[str]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, path: FieldPath, message: str, hint: str = "") -> None:
        self.problems.append(self.source.problem(path, message, hint))

    def warn(self, path: FieldPath, message: str, hint: str = "") -> None:
        self.warnings.append(self.source.problem(path, message, hint))

    def text(self, item: dict, path: FieldPath, key: str) -> Text | None:
        value = item.get(key)
        if value is None:
            return None
        for lang in value:
            if lang not in self.languages:
                self.error(
                    (*path, key, lang),
                    f"unknown language '{lang}'",
                    f"use one of: {', '.join(self.languages)}",
                )
        for lang in self.languages:
            if lang not in value:
                self.warn(
                    (*path, key),
                    f"no {lang} text yet; the {lang} pages show another language with a notice",
                    f"add '{lang}: ...' under '{key}'",
                )
        return text_or_none(value)

    def date(self, value: str | None, path: FieldPath) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(
                path, f"{value} is not a date that exists", "check the day and month (YYYY-MM-DD)"
            )
            return None

    def time(self, value: str | None) -> dt.time | None:
        return dt.time.fromisoformat(value) if value else None  # the schema checked the form

    def timezone(self, value: str | None, path: FieldPath) -> ZoneInfo | None:
        if value is None:
            return None
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            self.error(
                path,
                f"'{value}' is not a time zone",
                f"use an IANA name such as {DEFAULT_TIMEZONE}, or leave it out",
            )
            return None

    def reference(
        self, table: dict[str, Any], value: str | None, path: FieldPath, what: str, file: str
    ) -> Any:
        if value is None:
            return None
        if value not in table:
            self.error(path, f"no {what} '{value}' in {file}", did_you_mean(value, table, file))
        return table.get(value)


def items(checker: Checker, key: str) -> list[tuple[FieldPath, dict]]:
    return [((key, i), item) for i, item in enumerate(checker.source.data[key])]


def check_unique(checker: Checker, key: str, what: str) -> None:
    seen: dict[str, int] = {}
    for path, item in items(checker, key):
        if item["id"] in seen:
            line = checker.source.where((key, seen[item["id"]]))[0]
            checker.error(
                (*path, "id"),
                f"the {what} id '{item['id']}' is used twice (first on line {line})",
                "give each one its own id",
            )
        seen.setdefault(item["id"], path[1])


def did_you_mean(value: str, known: Iterable[str], file: str) -> str:
    """The closest known ids first (a typo is the usual cause), else a few of them."""
    known = sorted(known)
    if "，" in value or "、" in value:
        return "separate the items of a list with ASCII commas and a space: [a, b], not [a，b]"
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.8)
    if close:
        return f"did you mean {' or '.join(repr(c) for c in close)}? Or add '{value}' to {file}"
    listed = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
    return f"check the spelling, or add it to {file} (known: {listed})"
