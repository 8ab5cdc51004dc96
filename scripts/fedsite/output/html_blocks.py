"""HTML the engine wrote, kept out of Markdown's way. A generated page is mostly HTML blocks
(event cards, place cards), and Python-Markdown parses raw HTML slowly: at district scale that
was most of the build. So a view's HTML blocks go into the Markdown as one-line placeholders,
which Markdown passes through as they are, and come back once Markdown has made its HTML.
The headings stay Markdown, for the table of contents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PLACEHOLDER = re.compile(r"<!-- fedsite-block (\d+) -->")
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass
class HtmlBlocks:
    blocks: list[str] = field(default_factory=list)

    def keep(self, html: str) -> str:
        """The placeholder that stands for `html` in the Markdown."""
        self.blocks.append(html)
        return f"<!-- fedsite-block {len(self.blocks) - 1} -->"

    def restore(self, html: str) -> str:
        """Markdown's output with every placeholder replaced by its block."""
        return _PLACEHOLDER.sub(lambda found: self.blocks[int(found[1])], html)

    def ids(self) -> set[str]:
        """The ids in the blocks: anchors other pages may link to."""
        return {found for block in self.blocks for found in _ID.findall(block)}
