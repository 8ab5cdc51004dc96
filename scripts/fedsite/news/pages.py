"""Recent news on the home page: only what is newer than a set age counts as news there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from fedsite.model import HomeSettings, NewsItem
from fedsite.output.escaping import markdown_heading
from fedsite.output.templates import macros
from fedsite.page_context import PageContext

SHOWN = 3  # a home page shows at most this many news items


@dataclass
class NewsPages:
    items: list[NewsItem]  # newest first
    today: dt.date
    settings: HomeSettings

    def views(self) -> dict[str, Callable[[PageContext, str], list[str]]]:
        return {"news": self.recent}

    def recent(self, ctx: PageContext, _argument: str) -> list[str]:
        """A heading and the latest news, or nothing at all when there is none recent."""
        oldest = self.today - dt.timedelta(days=self.settings.news_days)
        recent = [item for item in self.items if oldest <= item.date <= self.today][:SHOWN]
        if not recent:
            return []
        return [
            markdown_heading(2, ctx.t.ui["latest_news"], "news"),
            str(macros("home.md.j2").news_list(recent, ctx.t, ctx.link)),
        ]
