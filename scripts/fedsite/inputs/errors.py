"""Problems an editor can cause: file:line:column, field, what is wrong, how to fix it."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    field: str  # dotted path such as "untranslated_notice.en"; "" for the whole file
    message: str
    hint: str = ""

    def format(self, root: Path | None = None) -> str:
        path = self.file
        if root is not None:
            with contextlib.suppress(ValueError):  # outside the project: keep it absolute
                path = self.file.resolve().relative_to(root.resolve())
        where = f"{path}:{self.line}:{self.column}" if self.line else f"{path}"
        field = f" [{self.field}]" if self.field else ""
        hint = f"\n    How to fix: {self.hint}" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"


class DataError(Exception):
    """Raised with every problem of a run, so an editor sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.report())

    def report(self, root: Path | None = None) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the site's data:"
        return "\n".join([head, *(f"  {p.format(root)}" for p in self.problems)])


def shorten(value: object, limit: int = 60) -> str:
    """A value quoted in a message: one line, and never the whole of a runaway paste."""
    text = " ".join(str(value).split())
    text = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
