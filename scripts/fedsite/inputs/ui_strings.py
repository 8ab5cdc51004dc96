"""The interface strings our templates show (notices, footer labels, 404 text), per language.

Material translates its own strings; these are the ones we add. Every string must exist in every
language the site is built in, so adding a language is a matter of configuration and content.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from pathlib import Path

from fedsite.inputs.errors import DataError, Problem
from fedsite.inputs.yaml_source import YamlSource, load_yaml

UiStrings = dict[str, dict[str, str]]  # language -> key -> text

# The strings the engine fills in with str.format, and the {names} each may use. Any other
# {...} in them would end the build with a KeyError, or (with {value.__class__}) print what
# no visitor should see.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    key: frozenset(names.split())
    for key, names in {
        "label_pattern": "label value",
        "bracket_pattern": "value",
        "date_pattern": "date weekday",
        "datetime_pattern": "day times",
        "date_range_pattern": "start end",
        "all_day_pattern": "days",
        "multi_day_pattern": "start_day start end_day end",
        "deadline": "date",
        "status_moved": "date",
        "short_when_pattern": "day time",
        "place_address": "place address",
        "places": "n",
        "places_one": "n",
        "activities": "n",
        "activities_one": "n",
        "sessions": "n",
        "sessions_one": "n",
        "places_count": "n",
        "day_count": "n",
        "day_count_one": "n",
        "places_count_one": "n",
        "month_page_title": "month",
        "month_page_description": "month",
        "township_page_title": "township",
        "township_page_description": "township",
        "township_page_plain_title": "township",
        "township_page_plain_description": "township",
        "poster_title": "place month",
        "poster_more": "n",
        "poster_more_one": "n",
        "poster_updated": "date",
    }.items()
}


def load_ui_strings(path: Path, languages: Sequence[str]) -> UiStrings:
    source = load_yaml(path)
    problems: list[Problem] = []
    if not isinstance(source.data, dict) or not source.data:
        raise DataError(
            [
                source.problem(
                    (),
                    "expected a list of strings, 'key:' followed by one line per language",
                    "see the first entries of the file for the layout",
                    ("应该是「键:」后面每种语言一行的文字", "照文件开头几项的格式写"),
                )
            ]
        )
    strings: UiStrings = {lang: {} for lang in languages}
    for key, texts in source.data.items():
        if not isinstance(texts, dict):
            problems.append(
                source.problem(
                    (key,),
                    "expected one line per language under this key",
                    f"write it as '{key}:' then '  {languages[0]}: ...' on the next lines",
                    (
                        "这个键下面应该每种语言一行",
                        f"先写 '{key}:'，下一行写 '  {languages[0]}: ...'",
                    ),
                )
            )
            continue
        for lang in texts:
            if lang not in languages:
                problems.append(
                    source.problem(
                        (key, lang),
                        f"unknown language '{lang}'",
                        f"use one of: {', '.join(languages)}",
                        (f"网站没有「{lang}」这种语言", f"用这几种之一：{', '.join(languages)}"),
                    )
                )
        for lang in languages:
            text = texts.get(lang)
            if not isinstance(text, str) or not text.strip():
                problems.append(
                    source.problem(
                        (key, lang) if lang in texts else (key,),
                        f"the {lang} text is missing",
                        f"add a line '  {lang}: ...' with the translation",
                        (f"缺少 {lang} 文字", f"加一行 '  {lang}: ...'，写上翻译"),
                    )
                )
                continue
            if key in PLACEHOLDERS:
                problems += _placeholder_problems(source, key, lang, text)
            strings[lang][key] = text.strip()
    if problems:
        raise DataError(problems)
    return strings


def _placeholder_problems(source: YamlSource, key: str, lang: str, text: str) -> list[Problem]:
    allowed = PLACEHOLDERS[key]
    names = ", ".join("{" + name + "}" for name in sorted(allowed))
    path = (key, lang)
    try:
        fields = [
            (name, conversion, spec)
            for _, name, spec, conversion in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError:
        return [
            source.problem(
                path,
                "a '{' or '}' that is not part of a {name}",
                f"this text may use {names}; write a brace as {{{{ or }}}}",
                (
                    "有一个「{」或「}」不属于 {名称} 占位符",
                    f"这段文字可以用 {names}；要显示大括号本身，写 {{{{ 或 }}}}",
                ),
            )
        ]
    problems = []
    for name, conversion, spec in fields:
        if name not in allowed or conversion or spec:
            problems.append(
                source.problem(
                    path,
                    f"unknown placeholder {{{name}}}",
                    f"this text may use only {names}",
                    (f"不认识的占位符 {{{name}}}", f"这段文字只能用 {names}"),
                )
            )
    return problems
