"""Text in several languages, and how a page picks the one to show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    values: Mapping[str, str]

    def pick(self, lang: str, fallback: str) -> tuple[str, str]:
        """The text in `lang`, else in `fallback`, else any: (text, language it is in)."""
        for candidate in (lang, fallback, *sorted(self.values)):
            if self.values.get(candidate):
                return self.values[candidate], candidate
        return "", lang


def text_or_none(value: Mapping[str, str] | None) -> Text | None:
    return Text(dict(value)) if value else None
