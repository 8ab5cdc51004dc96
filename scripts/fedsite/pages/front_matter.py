"""A page's front matter (the fields between the two `---` lines at its top), read as strictly
as the data files: the same safe YAML loading, the same messages (file:line:column, field, what
is wrong, how to fix it), and a schema (the package's schemas/front-matter.schema.json).

MkDocs reads front matter leniently: invalid YAML makes it show the fields as the page's text,
without a word. So every page is checked before the build, and a mistake stops it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fedsite.editor_yaml.schema_check import check_against_schema
from fedsite.editor_yaml.source import YamlSource, load_yaml_text, read_text
from fedsite.messages.problems import DataError, Problem
from fedsite.resources import THEME

# The pattern MkDocs finds front matter with (mkdocs.utils.meta.YAML_RE): what it does not
# match, MkDocs renders as text.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
SCHEMA = "front-matter.schema.json"
# A sentence ends, and more text follows: "。再" or ". More".
_SECOND_SENTENCE = re.compile(r"[。！？]\s*\S|[.!?]\s+[A-Z0-9\"“‘(]")


def read_front_matter(path: Path, schema_dir: Path, templates: Path | None) -> dict[str, Any]:
    """The page's front matter, checked; DataError with every problem otherwise."""
    text = read_text(path)
    if not text.startswith("---"):
        raise DataError([Problem.at(path, 1, 1, "", "pages.no_front_matter")])
    found = FRONT_MATTER.match(text)
    if found is None:
        raise DataError([Problem.at(path, 1, 1, "", "pages.front_matter_not_closed")])
    source = load_yaml_text(found[1], path, first_line=2)
    if not isinstance(source.data, dict):
        raise DataError([Problem.at(path, 2, 1, "", "pages.front_matter_not_fields")])
    problems = check_against_schema(source, schema_dir, SCHEMA)
    if not problems:
        problems = _rules(source, templates)
    if problems:
        raise DataError(problems)
    return source.data


def _rules(source: YamlSource, templates: Path | None) -> list[Problem]:
    """What the schema cannot say."""
    problems = []
    description = source.data["description"]
    if _SECOND_SENTENCE.search(description.strip()):
        problems.append(source.problem(("description",), "pages.description_two_sentences"))
    template = source.data.get("template")
    folders = [THEME] + ([templates] if templates is not None else [])
    if template and not any((folder / template).is_file() for folder in folders):
        layouts = {p.name for folder in folders for p in folder.glob("*.html")}
        known = sorted(name for name in layouts if not name.startswith("fedsite-"))
        problems.append(
            source.problem(("template",), "pages.no_layout", template=template, known=known)
        )
    return problems


def check_pages(
    pages: Iterable[Path], schema_dir: Path, templates: Path | None, locales: Iterable[str] = ()
) -> list[Problem]:
    """Every problem in every page's front matter, so an editor sees them all at once. A page's
    language versions (page.md, page.en.md; `locales` are the site's languages) agree on
    whether it is never stored: a translation without `sensitive: true` would be stored on
    every phone that opened it."""
    problems: list[Problem] = []
    sensitive: dict[Path, dict[Path, bool]] = {}
    for page in sorted(pages):
        try:
            meta = read_front_matter(page, schema_dir, templates)
        except DataError as exc:
            problems += exc.problems
            continue
        stem, _, locale = page.name[: -len(".md")].rpartition(".")
        original = page.with_name(f"{stem}.md") if stem and locale in locales else page
        sensitive.setdefault(original, {})[page] = meta.get("sensitive") is True
    for versions in sensitive.values():
        if len(set(versions.values())) > 1:
            said = next(path for path, flag in versions.items() if flag)
            problems += [
                Problem.at(path, 1, 0, "sensitive", "pages.sensitive_differs", page=said.name)
                for path, flag in versions.items()
                if not flag
            ]
    return problems
