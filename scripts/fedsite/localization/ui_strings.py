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
from dataclasses import dataclass, replace
from pathlib import Path

from fedsite.editor_yaml.source import YamlSource, load_yaml
from fedsite.localization.languages import is_language, language_name
from fedsite.messages.problems import DataError, Problem
from fedsite.resources import STRINGS

DEFAULTS = STRINGS / "ui.yml"
# What every string may hold: the site's identity (Identity.placeholders).
IDENTITY = frozenset(("federation", "federation_short", "level", "Level", "area", "region"))
# And the name of the page's language, in the string's language (中文, English; 维吾尔语 where a
# Uyghur page shows a Chinese string it has no translation of yet).
LANGUAGE = "language"

UiStrings = dict[str, dict[str, str]]  # language -> key -> text
# A site's label for Material's theme ("theme.search.placeholder"), in a language Material has
# no partial for (theme/partials/languages/fedsite-fallback.html shows it).
THEME_LABEL = "theme."

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
        "township_page_empty_title": "township",
        "township_page_empty_description": "township",
        "township_not_listed": "township",
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
    warnings: list[Problem] | None = None,
) -> UiStrings:
    """Every string in every language: the site's (`site_file`, its data/ui.yml, if it has
    one) where it gives one, else the package's default. `identity` (language -> placeholder
    -> text, Identity.placeholders) fills in {federation}, {area} and the like. DataError with
    every mistake: a key the package has not, a language the site does not build, a string
    missing in a language, an unknown placeholder. With `warnings`, a language other than the
    default (the first) may lack strings (one just added): it shows the default's, and one
    warning there says how many are left to translate."""
    defaults = _read(defaults_file, languages, strict_languages=False)
    problems = defaults.problems
    site = _read(site_file, languages) if site_file and site_file.is_file() else None
    if site is not None:
        problems += site.problems
        for key in site.texts:
            if key not in defaults.texts and not key.startswith(THEME_LABEL):
                close = difflib.get_close_matches(key, defaults.texts, n=1)
                problems.append(
                    site.source.problem(
                        (key,),
                        "strings.unknown_close" if close else "strings.unknown",
                        key=key,
                        close=close[0] if close else "",
                    )
                )
    strings: UiStrings = {lang: {} for lang in languages}
    for lang in languages:
        given = {key for key, texts in defaults.texts.items() if lang in texts}
        if site is not None:
            given |= {key for key, texts in site.texts.items() if lang in texts}
        if lang != languages[0] and warnings is not None:
            left = [key for key in defaults.texts if key not in given]
            if left:
                warnings.append(_untranslated(site_file, site, lang, languages[0], len(left)))
                given |= set(left)
        if not given & defaults.texts.keys():  # a language the package has no strings for
            where = site.source if site is not None else None
            problems.append(
                Problem.at(
                    site_file or Path("data/ui.yml"),
                    where.where(())[0] if where else 0,
                    0,
                    "",
                    "strings.no_language",
                    lang=lang,
                    count=len(defaults.texts),
                )
            )
            continue
        for key in defaults.texts:
            chosen = site if site is not None and lang in site.texts.get(key, {}) else defaults
            text = chosen.texts.get(key, {}).get(lang)
            if text is None and warnings is not None and lang != languages[0]:
                default = languages[0]  # the default's, with its names, naming this language
                chosen = (
                    site if site is not None and default in site.texts.get(key, {}) else defaults
                )
                if default in chosen.texts.get(key, {}):
                    text = chosen.texts[key][default]
                    strings[lang][key] = _filled(text, identity, default, lang)
                continue
            if text is None:
                problems.append(
                    (site or defaults).source.problem((key,), "strings.missing", key=key, lang=lang)
                )
                continue
            problems += _placeholder_problems(chosen.source, key, lang, text)
            strings[lang][key] = _filled(text, identity, lang, lang)
    for key, texts in (site.texts if site is not None else {}).items():
        if key.startswith(THEME_LABEL):  # Material's labels, for a language it has none in
            for lang, text in texts.items():
                strings[lang][key] = text
    if problems:
        raise DataError(problems)
    return strings


def _filled(
    text: str, identity: Mapping[str, Mapping[str, str]] | None, lang: str, page_lang: str
) -> str:
    """A string in `lang` with the identity's names in it, and {language}: the name of the
    page's language (`page_lang`) in `lang`."""
    for name, value in ((identity or {}).get(lang) or {}).items():
        text = text.replace("{" + name + "}", value)
    return text.replace("{" + LANGUAGE + "}", language_name(page_lang, lang))


def _untranslated(
    site_file: Path | None, site: _Strings | None, lang: str, default: str, count: int
) -> Problem:
    line = site.source.where(())[0] if site is not None else 0
    problem = Problem.at(
        site_file or Path("data/ui.yml"),
        line,
        0,
        "",
        "strings.untranslated",
        lang=lang,
        default=default,
        count=count,
    )
    return replace(problem, missing_translation=lang)


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
        problems.append(source.problem((), "strings.not_a_list"))
        return _Strings(source, texts, problems)
    for key, values in source.data.items():
        if not isinstance(values, dict):
            problems.append(
                source.problem((key,), "strings.not_by_language", key=key, lang=languages[0])
            )
            continue
        texts[key] = {}
        for lang, text in values.items():
            if lang not in languages:
                if strict_languages and not is_language(lang):  # else: a language not built
                    problems.append(
                        source.problem(
                            (key, lang), "text.unknown_language", lang=lang, languages=languages
                        )
                    )
                continue
            if not isinstance(text, str) or not text.strip():
                problems.append(source.problem((key, lang), "strings.empty", lang=lang))
                continue
            texts[key][lang] = text.strip()
    return _Strings(source, texts, problems)


def _placeholder_problems(source: YamlSource, key: str, lang: str, text: str) -> list[Problem]:
    allowed = PLACEHOLDERS.get(key, frozenset()) | IDENTITY | {LANGUAGE}
    names = ["{" + name + "}" for name in sorted(allowed)]
    path = (key, lang)
    try:
        fields = [
            (name, conversion, spec)
            for _, name, spec, conversion in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError:
        return [source.problem(path, "strings.stray_brace", names=names)]
    problems = []
    for name, conversion, spec in fields:
        if name not in allowed or conversion or spec:
            problems.append(
                source.problem(
                    path, "strings.unknown_placeholder", name="{" + name + "}", names=names
                )
            )
    return problems
