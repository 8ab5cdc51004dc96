"""The interface strings the theme and the engine show (notices, footer labels, 404 text, the
calendar and the directory), per language: the package's defaults (fedsite/strings/ui.yml, in
Chinese and English) with a site's data/ui.yml changing any of them key by key, as Hugo themes
merge theirs, the site winning.

Material translates its own strings; these are the ones we add. Every string must exist in every
language the site is built in, so adding a language is a matter of configuration and content.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from fedsite.editor_yaml.source import YamlSource, load_yaml
from fedsite.messages.problems import DataError, Problem
from fedsite.resources import STRINGS

DEFAULTS = STRINGS / "ui.yml"
# What every string may hold: the site's identity (Identity.placeholders).
IDENTITY = frozenset(("federation", "federation_short", "level", "Level", "area", "region"))

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


def load_ui_strings(
    languages: Sequence[str],
    site_file: Path | None = None,
    identity: Mapping[str, Mapping[str, str]] | None = None,
    defaults_file: Path = DEFAULTS,
) -> UiStrings:
    """Every string in every language: the site's (`site_file`, its data/ui.yml, if it has
    one) where it gives one, else the package's default. `identity` (language -> placeholder
    -> text, Identity.placeholders) fills in {federation}, {area} and the like. DataError with
    every mistake: a key the package has not, a language the site does not build, a string
    missing in a language, an unknown placeholder."""
    defaults = _read(defaults_file, languages, strict_languages=False)
    problems = defaults.problems
    site = _read(site_file, languages) if site_file and site_file.is_file() else None
    if site is not None:
        problems += site.problems
        for key in site.texts:
            if key not in defaults.texts:
                close = difflib.get_close_matches(key, defaults.texts, n=1)
                guess = f"did you mean '{close[0]}'? " if close else ""
                guess_zh = f"是不是「{close[0]}」？" if close else ""
                problems.append(
                    site.source.problem(
                        (key,),
                        f"the package has no string '{key}' for a site to change",
                        f"{guess}a site's ui.yml changes the package's strings, by their keys",
                        (
                            f"网站的界面文字里没有「{key}」这一项",
                            f"{guess_zh}data/ui.yml 只能改已有的界面文字，按它们的键写",
                        ),
                    )
                )
    strings: UiStrings = {lang: {} for lang in languages}
    for lang in languages:
        given = {key for key, texts in defaults.texts.items() if lang in texts}
        if site is not None:
            given |= {key for key, texts in site.texts.items() if lang in texts}
        if not given & defaults.texts.keys():  # a language the package has no strings for
            where = site.source if site is not None else None
            problems.append(
                Problem(
                    site_file or Path("data/ui.yml"),
                    where.where(())[0] if where else 0,
                    0,
                    "",
                    f"no interface strings in {lang}: the package has Chinese and English ones "
                    f"only ({len(defaults.texts)} strings)",
                    f"give each of them in {lang} in data/ui.yml, as '{lang}: ...' under its key",
                    f"没有 {lang} 的界面文字：软件包只有中文和英文的（{len(defaults.texts)} 条）",
                    f"在 data/ui.yml 里每一条的键下面加 {lang}: ...",
                )
            )
            continue
        for key in defaults.texts:
            chosen = site if site is not None and lang in site.texts.get(key, {}) else defaults
            text = chosen.texts.get(key, {}).get(lang)
            if text is None:
                problems.append(
                    (site or defaults).source.problem(
                        (key,),
                        f"the {lang} text is missing",
                        f"add '{key}:' with a line '  {lang}: ...' to data/ui.yml",
                        (
                            f"缺少 {lang} 文字",
                            f"在 data/ui.yml 里加 {key}:，下一行写 '  {lang}: ...'",
                        ),
                    )
                )
                continue
            problems += _placeholder_problems(chosen.source, key, lang, text)
            for name, value in ((identity or {}).get(lang) or {}).items():
                text = text.replace("{" + name + "}", value)
            strings[lang][key] = text
    if problems:
        raise DataError(problems)
    return strings


@dataclass
class _Strings:
    source: YamlSource
    texts: dict[str, dict[str, str]]  # key -> language -> text
    problems: list[Problem]


def _read(path: Path, languages: Sequence[str], *, strict_languages: bool = True) -> _Strings:
    """A strings file, as key -> language -> text, and what is wrong with its shape. The
    package's own may have languages a site does not build (`strict_languages` off)."""
    source = load_yaml(path)
    problems: list[Problem] = []
    texts: dict[str, dict[str, str]] = {}
    if not isinstance(source.data, dict):
        message = "expected a list of strings, 'key:' followed by one line per language"
        problems.append(
            source.problem(
                (),
                message,
                "see the package's strings (fedsite/strings/ui.yml) for the layout",
                (
                    "应该是「键:」后面每种语言一行的文字",
                    "照软件包的界面文字（fedsite/strings/ui.yml）的格式写",
                ),
            )
        )
        return _Strings(source, texts, problems)
    for key, values in source.data.items():
        if not isinstance(values, dict):
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
        texts[key] = {}
        for lang, text in values.items():
            if lang not in languages:
                if strict_languages:
                    problems.append(
                        source.problem(
                            (key, lang),
                            f"unknown language '{lang}'",
                            f"use one of: {', '.join(languages)}",
                            (
                                f"网站没有「{lang}」这种语言",
                                f"用这几种之一：{', '.join(languages)}",
                            ),
                        )
                    )
                continue
            if not isinstance(text, str) or not text.strip():
                problems.append(
                    source.problem(
                        (key, lang),
                        f"the {lang} text is missing",
                        f"write the text after '{lang}: '",
                        (f"缺少 {lang} 文字", f"在 '{lang}: ' 后面写上文字"),
                    )
                )
                continue
            texts[key][lang] = text.strip()
    return _Strings(source, texts, problems)


def _placeholder_problems(source: YamlSource, key: str, lang: str, text: str) -> list[Problem]:
    allowed = PLACEHOLDERS.get(key, frozenset()) | IDENTITY
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
