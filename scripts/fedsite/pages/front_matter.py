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
START = "start the page with three lines: '---', 'description: one sentence about the page', '---'"
START_ZH = "页面开头写三行：'---'、'description: 一句话介绍这个页面'、'---'"


def read_front_matter(path: Path, schema_dir: Path, templates: Path | None) -> dict[str, Any]:
    """The page's front matter, checked; DataError with every problem otherwise."""
    text = read_text(path)
    if not text.startswith("---"):
        raise DataError(
            [
                Problem(
                    path,
                    1,
                    1,
                    "",
                    "the page has no front matter",
                    START,
                    "页面开头没有页面信息（front matter）",
                    START_ZH,
                )
            ]
        )
    found = FRONT_MATTER.match(text)
    if found is None:
        raise DataError(
            [
                Problem(
                    path,
                    1,
                    1,
                    "",
                    "the front matter has no closing '---' line, so the page would show its "
                    "fields as text",
                    "add a line with three hyphens '---' after the last field",
                    "页面信息（front matter）没有用 '---' 行结束，页面会把这些字段当成正文显示",
                    "在最后一个字段后面加一行三个英文连字符 '---'",
                )
            ]
        )
    source = load_yaml_text(found[1], path, first_line=2)
    if not isinstance(source.data, dict):
        raise DataError(
            [
                Problem(
                    path,
                    2,
                    1,
                    "",
                    "the front matter must be fields",
                    START,
                    "页面信息（front matter）要写成字段",
                    START_ZH,
                )
            ]
        )
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
        problems.append(
            source.problem(
                ("description",),
                "the description is more than one sentence",
                "keep one sentence that says what the page is for; the page itself says more",
                (
                    "description 超过了一句话",
                    "只留一句话，说明这个页面是做什么的；详细内容写在页面里",
                ),
            )
        )
    template = source.data.get("template")
    folders = [THEME] + ([templates] if templates is not None else [])
    if template and not any((folder / template).is_file() for folder in folders):
        layouts = {p.name for folder in folders for p in folder.glob("*.html")}
        known = ", ".join(sorted(name for name in layouts if not name.startswith("fedsite-")))
        problems.append(
            source.problem(
                ("template",),
                f"there is no page layout '{template}'",
                f"use one of: {known}",
                (f"没有页面布局「{template}」", f"用这几个之一：{known}"),
            )
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
                Problem(
                    path,
                    1,
                    0,
                    "sensitive",
                    f"{said.name} says 'sensitive: true' and this language version does not: "
                    "it would be stored on phones",
                    "add the line 'sensitive: true' to its front matter, as in the other",
                    f"{said.name} 写了 sensitive: true，这个语言版本没有写：手机会把它存下来",
                    "在它开头的页面信息里加一行 sensitive: true，和另一个版本一样",
                )
                for path, flag in versions.items()
                if not flag
            ]
    return problems
