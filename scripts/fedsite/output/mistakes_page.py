"""What `mkdocs serve` shows in the browser while the site's files have mistakes, instead of a
page that never loads: every mistake with its file and line, the lines around it, and how to fix
it, in the editor's language (Chinese unless FEDSITE_LANG=en). The preview server adds its
reload script, so the page turns into the site by itself once the files are fixed."""

from __future__ import annotations

from pathlib import Path

from fedsite.messages.problems import Problem, editor_language, in_project
from fedsite.output.templates import macros

CONTEXT = 2  # lines shown before and after the one with the mistake
WORDS = {
    "zh": {
        "lang": "zh-Hans",
        "title": "预览暂停：有 {count} 处要改",
        "intro": "网站的文件里有下面这些问题。改好并保存文件后，这一页会自动刷新，显示网站。",
        "how_to_fix": "怎么改：",
        "after": "正式发布（mkdocs build 和 CI）时，有这些问题的网站不会生成。",
    },
    "en": {
        "lang": "en",
        "title": "Preview paused: {count} to fix",
        "intro": "The site's files have the problems below. Fix and save the file: this page "
        "reloads by itself and shows the site.",
        "how_to_fix": "How to fix: ",
        "after": "A real build (mkdocs build, and CI) makes no site while these problems remain.",
    },
}


BANNER = {
    "zh": {
        "title": "预览提醒：{count} 条警告。",
        "intro": "正式发布（mkdocs build 和 CI）时，这些会让网站生成失败：",
    },
    "en": {
        "title": "Preview: {count} warnings.",
        "intro": "A real build (mkdocs build, and CI) stops on these:",
    },
}


def warnings_banner(warnings: list[str], language: str | None = None) -> str:
    """What the preview shows above every page while the build has warnings."""
    words = dict(BANNER[language or editor_language()])
    words["title"] = words["title"].format(count=len(warnings))
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
    words = dict(WORDS[language])
    words["title"] = words["title"].format(count=len(problems))
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
