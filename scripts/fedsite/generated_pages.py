"""Pages whose number depends on the data (one per month of activities, one per township in
the directory), written as real
Markdown files into a git-ignored folder under docs/ before MkDocs reads the docs: static-i18n
drops pages added any other way. Each is a stub with a marker the hook fills."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import yaml


def stub(title: str, description: str, marker: str, *, searchable: bool) -> str:
    meta: dict = {"title": title, "description": description}
    if not searchable:
        meta["search"] = {"exclude": True}
    meta = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{meta}---\n\n# {title}\n\n<!-- fedsite:{marker} -->\n"


def sync_folder(folder: Path, pages: dict[str, str]) -> None:
    """Make `folder` hold exactly `pages` (name -> text). Unchanged files are not rewritten,
    so `mkdocs serve` does not see a change and rebuild again."""
    folder.mkdir(parents=True, exist_ok=True)
    for existing in folder.glob("*.md"):
        if existing.name not in pages:
            existing.unlink()
    for name, text in pages.items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")


def month_pages(
    months: Iterable,
    locales: list[str],
    default: str,
    title: Callable[[str, object], tuple[str, str]],
) -> dict[str, str]:
    """name -> text for every month in every language (page.md, page.<locale>.md)."""
    pages = {}
    for month in months:
        for locale in locales:
            name = f"{month:%Y-%m}.md" if locale == default else f"{month:%Y-%m}.{locale}.md"
            heading, description = title(locale, month)
            # Out of search: a district's month pages would make the index megabytes.
            pages[name] = stub(heading, description, f"month {month:%Y-%m}", searchable=False)
    return pages


def township_pages(
    townships: Iterable,
    locales: list[str],
    default: str,
    title: Callable[[str, object], tuple[str, str]],
) -> dict[str, str]:
    """name -> text for every township in the directory, in every language."""
    pages = {}
    for township in townships:
        for locale in locales:
            name = f"{township.id}.md" if locale == default else f"{township.id}.{locale}.md"
            heading, description = title(locale, township)
            pages[name] = stub(heading, description, f"township {township.id}", searchable=True)
    return pages
