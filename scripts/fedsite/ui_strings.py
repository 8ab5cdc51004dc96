"""The interface strings our templates show (notices, footer labels, 404 text), per language.

Material translates its own strings; these are the ones we add. Every string must exist in every
language the site is built in, so adding a language is a matter of configuration and content.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fedsite.errors import DataError, Problem
from fedsite.yaml_source import load_yaml

UiStrings = dict[str, dict[str, str]]  # language -> key -> text


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
                    )
                )
                continue
            strings[lang][key] = text.strip()
    if problems:
        raise DataError(problems)
    return strings
