"""Collect an editor's mistakes while building the model from one data file: each problem with
its file:line:column, field, what is wrong and how to fix it. Shared by every data file."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fedsite.editor_yaml.source import FieldPath, YamlSource
from fedsite.localization.texts import Text, text_or_none
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
                f"{day} is more than {FUTURE_YEARS} years from today ({self.today}): the "
                f"calendar takes dates up to {self.latest}",
                "check the year; for something that goes on, give the next few years and add "
                "more later",
                (
                    f"{day} 离今天（{self.today}）超过 {FUTURE_YEARS} 年：日历只收到 "
                    f"{self.latest} 为止的日期",
                    "检查年份；长期的活动，先写今后几年的，以后再加",
                ),
            )
            return False
        if day < earliest:
            self.error(
                path,
                f"{day} is more than {PAST_YEARS} years ago: the calendar keeps the activities "
                f"of the last {PAST_YEARS} years (from {earliest})",
                "check the year, or remove the old entry",
                (
                    f"{day} 已经是 {PAST_YEARS} 多年前了：日历只保留最近 {PAST_YEARS} 年"
                    f"（{earliest} 以来）的活动",
                    "检查年份，或者删掉这条旧的",
                ),
            )
            return False
        return True

    def error(
        self, path: FieldPath, message: str, hint: str = "", zh: tuple[str, str] | None = None
    ) -> None:
        self.problems.append(self.source.problem(path, message, hint, zh))

    def warn(
        self, path: FieldPath, message: str, hint: str = "", zh: tuple[str, str] | None = None
    ) -> None:
        self.warnings.append(self.source.problem(path, message, hint, zh))

    def required_text(self, item: dict, path: FieldPath, key: str) -> Text:
        """A text the schema requires (so it is there once the file is checked)."""
        return self.text(item, path, key) or Text({})

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
                    (f"网站没有「{lang}」这种语言", f"用这几种之一：{', '.join(self.languages)}"),
                )
        for lang in self.languages:
            if lang not in value:
                self.warn(
                    (*path, key),
                    f"no {lang} text yet; the {lang} pages show another language with a notice",
                    f"add '{lang}: ...' under '{key}'",
                    (
                        f"还没有 {lang} 文字；{lang} 页面会显示另一种语言，并加说明",
                        f"在「{key}」下面加一行 {lang}: ...",
                    ),
                )
                self.warnings[-1] = replace(self.warnings[-1], missing_translation=lang)
        return text_or_none(value)

    def date(self, value: str | None, path: FieldPath) -> dt.date | None:
        if value is None:
            return None
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            self.error(
                path,
                f"{value} is not a date that exists",
                "check the day and month (YYYY-MM-DD)",
                (f"没有 {value} 这一天", "检查月份和日子（年-月-日）"),
            )
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
            self.error(
                path,
                f"'{value}' is not a time zone",
                f"use an IANA name such as {DEFAULT_TIMEZONE}, or leave it out",
                (f"「{value}」不是时区", f"写 IANA 时区名称，如 {DEFAULT_TIMEZONE}，或者不写"),
            )
            return None

    def reference(
        self, table: dict[str, Any], value: str | None, path: FieldPath, what: str, file: str
    ) -> Any:
        if value is None:
            return None
        if value not in table:
            self.error(
                path,
                f"no {what} '{value}' in {file}",
                did_you_mean(value, table, file),
                (f"{file} 里没有「{value}」", did_you_mean(value, table, file, "zh")),
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
                f"the {what} id '{item['id']}' is used twice (first on line {line})",
                "give each one its own id",
                (f"编号「{item['id']}」用了两次（第一次在第 {line} 行）", "每一项用不同的编号"),
            )
        seen.setdefault(item["id"], path[1])


def did_you_mean(value: str, known: Iterable[str], file: str, language: str = "en") -> str:
    """The closest known ids first (a typo is the usual cause), else a few of them."""
    known = sorted(known)
    zh = language == "zh"
    if "，" in value or "、" in value:
        if zh:
            return "列表里的各项用英文逗号加一个空格隔开：[a, b]，不要用 [a，b]"
        return "separate the items of a list with ASCII commas and a space: [a, b], not [a，b]"
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.8)
    if close:
        if zh:
            return f"是不是{'或'.join(f'「{c}」' for c in close)}？或者把「{value}」加到 {file} 里"
        return f"did you mean {' or '.join(repr(c) for c in close)}? Or add '{value}' to {file}"
    listed = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
    if zh:
        return f"检查拼写，或者把它加到 {file} 里（已有：{listed}）"
    return f"check the spelling, or add it to {file} (known: {listed})"
