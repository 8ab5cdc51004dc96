"""What `mkdocs serve` shows in the browser while the site's files have mistakes, instead of a
page that never loads: every mistake with its file and line, the lines around it, and how to fix
it, in the editor's language (Chinese unless FEDSITE_LANG=en). The preview server adds its
reload script, so the page turns into the site by itself once the files are fixed."""

from __future__ import annotations

from pathlib import Path

from fedsite.messages.catalogue import say
from fedsite.messages.problems import Problem, editor_language, in_project
from fedsite.output.templates import macros

CONTEXT = 2  # lines shown before and after the one with the mistake
# The page's lang attribute for each editors' language (Chinese in simplified characters).
LANG_TAGS = {"zh": "zh-Hans"}


def warnings_banner(warnings: list[str], language: str | None = None) -> str:
    """What the preview shows above every page while the build has warnings."""
    language = language or editor_language()
    words = {
        "title": say("preview.warnings_title", language, count=len(warnings)),
        "intro": say("preview.warnings_intro", language),
    }
    return str(macros("mistakes.html.j2").banner(words, warnings))


def nearby_lines(problem: Problem) -> list[tuple[int, str, bool]]:
    """(number, text, is it the line) around a problem's line; none for a whole file."""
    if not problem.line:
        return []
    try:
        lines = problem.file.read_text(encoding="utf-8-sig", errors="replace").split("\n")
    except OSError:
        return []
    first = max(problem.line - CONTEXT, 1)
    last = min(problem.line + CONTEXT, len(lines))
    return [(n, lines[n - 1], n == problem.line) for n in range(first, last + 1)]


def mistakes_page(problems: list[Problem], root: Path, language: str | None = None) -> str:
    language = language or editor_language()
    words = {
        "lang": LANG_TAGS.get(language, language),
        "title": say("preview.title", language, count=len(problems)),
        "intro": say("preview.intro", language),
        "how_to_fix": say("format.how_to_fix", language),
        "after": say("preview.after", language),
    }
    items = []
    for problem in problems:
        path = in_project(problem.file, root)
        where = f"{path}:{problem.line}" if problem.line else str(path)
        field, message, hint = problem.in_language(language)
        items.append(
            {
                "where": where,
                "field": field,
                "message": message,
                "hint": hint,
                "lines": nearby_lines(problem),
            }
        )
    return str(macros("mistakes.html.j2").page(words, items))
