"""The news pages (docs/news/*.md, the index aside): each with its date (`date:` in its front
matter) and its title in each language (its `# heading`, from page.<locale>.md, else the
original's)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from fedsite.editor_yaml.source import read_text
from fedsite.messages.catalogue import message
from fedsite.messages.problems import DataError, Problem
from fedsite.model import NewsItem
from fedsite.pages.front_matter import FRONT_MATTER

FOLDER = "news"
_DATE = re.compile(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})['\"]?\s*$", re.M)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def load_news(docs_dir: Path, locales: Sequence[str]) -> list[NewsItem]:
    """Newest first. The front matter is checked already (front_matter.check_pages)."""
    default, items, problems = locales[0], [], []
    for page in sorted((docs_dir / FOLDER).glob("*.md")):
        if page.name == "index.md" or len(page.suffixes) > 1:
            continue
        text = read_text(page)
        found = FRONT_MATTER.match(text)
        date = _DATE.search(found[1]) if found else None
        if date is None:
            problems.append(Problem(page, 2, 1, "date", message("news.no_date"), "「日期」(date)"))
            continue
        titles = {}
        for locale in locales:
            source = page if locale == default else page.with_suffix(f".{locale}.md")
            if source.is_file():
                heading = _HEADING.search(read_text(source))
                if heading:
                    titles[locale] = heading[1]
        relative = page.relative_to(docs_dir).as_posix()
        items.append(NewsItem(relative, dt.date.fromisoformat(date[1]), titles))
    if problems:
        raise DataError(problems)
    return sorted(items, key=lambda item: item.date, reverse=True)
