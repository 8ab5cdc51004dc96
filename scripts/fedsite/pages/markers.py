"""What a page asks the build to fill in: `<!-- fedsite:view argument -->` markers (a calendar or
directory view: `<!-- fedsite:township longju -->`) and `{{ name }}` placeholders for the
federation's identity (`{{ federation }}`, `{{ area }}`...). Checked before the build, with the
page's file and line: a marker that names no view, a township that does not exist, a placeholder
that is not one."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path

from fedsite.messages.problems import Problem, shorten

MARKER = re.compile(r"<!-- fedsite:(?P<view>[a-z]+)(?: (?P<arg>[\w-]+))? -->")
PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[^{}]*?)\s*\}\}")
MONTH = re.compile(r"\d{4}-\d\d")


def marker_problems(
    pages: Iterable[Path],
    views: Collection[str],
    townships: Collection[str],
    placeholders: Collection[str],
) -> list[Problem]:
    """Every unknown view, township and placeholder in `pages`, at its line."""
    problems = []
    known_views, known_names = sorted(views), sorted(placeholders)
    for page in sorted(pages):
        try:
            lines = page.read_text(encoding="utf-8-sig").split("\n")
        except (OSError, UnicodeDecodeError):
            continue  # the front matter's check names it
        for number, line in enumerate(lines, 1):
            for found in MARKER.finditer(line):
                view, argument = found["view"], found["arg"] or ""
                if view not in views or (view == "month" and not MONTH.fullmatch(argument)):
                    problems.append(
                        _at(
                            page,
                            number,
                            found,
                            "pages.no_view",
                            marker=shorten(found[0]),
                            views=known_views,
                        )
                    )
                elif view == "township" and argument not in townships:
                    problems.append(
                        _at(page, number, found, "pages.no_township", township=argument)
                    )
            for found in PLACEHOLDER.finditer(line):
                if found["name"] not in placeholders:
                    problems.append(
                        _at(
                            page,
                            number,
                            found,
                            "pages.no_placeholder",
                            name=shorten(found[0]),
                            names=known_names,
                        )
                    )
    return problems


def _at(page: Path, line: int, found: re.Match, key: str, **values: object) -> Problem:
    return Problem.at(page, line, found.start() + 1, "", key, **values)


def fill_placeholders(markdown: str, values: dict[str, str]) -> str:
    """`markdown` with each `{{ name }}` replaced by its value (checked names only)."""
    return PLACEHOLDER.sub(lambda found: values.get(found["name"], found[0]), markdown)
