"""Problems an editor can cause: file:line:column, field, what is wrong, how to fix it, said
from the catalogue (catalogue.yml) in the editor's language: Chinese, the default, or English
(FEDSITE_LANG=en)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fedsite.messages.catalogue import Message, message, say


def editor_language() -> str:
    """The language of messages for editors: Chinese unless FEDSITE_LANG says English."""
    return "en" if os.environ.get("FEDSITE_LANG", "").lower().startswith("en") else "zh"


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    field: str  # dotted path such as "untranslated_notice.en"; "" for the whole file
    said: Message  # what is wrong and how to fix it
    # The field in a Chinese editor's words ("第 3 项活动「…」的「地点」"), where there is one.
    field_zh: str = ""
    # A warning that a text has no version in this language (translation status lists them).
    missing_translation: str = ""

    @classmethod
    def at(
        cls, file: Path, line: int, column: int, field: str, key: str, /, **values: Any
    ) -> Problem:
        """A problem said by the catalogue's `key`, with the values it quotes."""
        return cls(file, line, column, field, message(key, **values))

    @property
    def message(self) -> str:
        return self.said.text("en")

    @property
    def hint(self) -> str:
        return self.said.text("en", "hint")

    def in_language(self, language: str) -> tuple[str, str, str]:
        """(field, message, hint) in `language`."""
        field = self.field_zh if language == "zh" and self.field_zh else self.field
        return field, self.said.text(language), self.said.text(language, "hint")

    def format(self, root: Path | None = None, language: str = "en") -> str:
        path = self.file if root is None else in_project(self.file, root)
        where = f"{path}:{self.line}" if self.line else f"{path}"
        where += f":{self.column}" if self.line and self.column else ""
        field, text, hint = self.in_language(language)
        field = f" [{field}]" if field else ""
        hint = f"\n    {say('format.how_to_fix', language)}{hint}" if hint else ""
        return f"{where}:{field} {text}{hint}"


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
        head = say("format.report_head", language, count=len(self.problems))
        return "\n".join([head, *(f"  {p.format(root, language)}" for p in self.problems)])


def shorten(value: object, limit: int = 60) -> str:
    """A value quoted in a message: one line, and never the whole of a runaway paste."""
    text = " ".join(str(value).split())
    text = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
