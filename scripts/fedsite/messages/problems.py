"""Problems an editor can cause: file:line:column, field, what is wrong, how to fix it; in
Chinese (the editors' language, the default) and in English (FEDSITE_LANG=en)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path


def editor_language() -> str:
    """The language of messages for editors: Chinese unless FEDSITE_LANG says English."""
    return "en" if os.environ.get("FEDSITE_LANG", "").lower().startswith("en") else "zh"


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    field: str  # dotted path such as "untranslated_notice.en"; "" for the whole file
    message: str
    hint: str = ""
    # In Chinese, where there is a translation (the English one is shown otherwise): the
    # message, how to fix it, and the field in an editor's words ("第 3 项活动「…」的「地点」").
    message_zh: str = ""
    hint_zh: str = ""
    field_zh: str = ""
    # A warning that a text has no version in this language (translation status lists them).
    missing_translation: str = ""

    def in_language(self, language: str) -> tuple[str, str, str]:
        """(field, message, hint) in `language`."""
        if language == "zh" and self.message_zh:
            return self.field_zh or self.field, self.message_zh, self.hint_zh or self.hint
        return self.field, self.message, self.hint

    def format(self, root: Path | None = None, language: str = "en") -> str:
        path = self.file if root is None else in_project(self.file, root)
        where = f"{path}:{self.line}" if self.line else f"{path}"
        where += f":{self.column}" if self.line and self.column else ""
        field, message, hint = self.in_language(language)
        field = f" [{field}]" if field else ""
        how = "怎么改：" if language == "zh" else "How to fix: "
        hint = f"\n    {how}{hint}" if hint else ""
        return f"{where}:{field} {message}{hint}"


def in_project(path: Path, root: Path) -> Path:
    """`path` within the project at `root`, as an editor names it (a symbolic link by its own
    name, not what it points to); outside the project, as it is."""
    for folder in (Path(os.path.abspath(root)), root.resolve()):
        with contextlib.suppress(ValueError):
            return (path.parent.resolve() / path.name).relative_to(folder)
        with contextlib.suppress(ValueError):
            return Path(os.path.abspath(path)).relative_to(folder)
    return path


class DataError(Exception):
    """Raised with every problem of a run, so an editor sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.report())

    def report(self, root: Path | None = None, language: str = "en") -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the site's data:"
        if language == "zh":
            head = f"网站的文件有 {count} 处问题："
        return "\n".join([head, *(f"  {p.format(root, language)}" for p in self.problems)])


def shorten(value: object, limit: int = 60) -> str:
    """A value quoted in a message: one line, and never the whole of a runaway paste."""
    text = " ".join(str(value).split())
    text = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
