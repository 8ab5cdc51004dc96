"""Pages whose number depends on the data (one per month of activities, one per township in
the directory), written as real
Markdown files into a git-ignored folder under docs/ before MkDocs reads the docs: static-i18n
drops pages added any other way. Each is a stub with a marker the hook fills."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from fedsite.escaping import markdown_heading

# The folders under docs/ that hold generated pages (git-ignores them too).
GENERATED_FOLDERS = ("activities/months", "contacts")


def editors_pages(docs_dir: Path) -> list[Path]:
    """The Markdown pages editors write: every page but the generated ones (whose front matter
    the engine writes with yaml.safe_dump, from checked data)."""
    generated = [docs_dir / folder for folder in GENERATED_FOLDERS]
    return [
        page
        for page in docs_dir.rglob("*.md")
        if not any(page.is_relative_to(folder) for folder in generated)
    ]


def stub(title: str, description: str, marker: str, *, searchable: bool) -> str:
    meta: dict = {"title": title, "description": description}
    if not searchable:
        meta["search"] = {"exclude": True}
    meta = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{meta}---\n\n{markdown_heading(1, title)}\n\n<!-- fedsite:{marker} -->\n"


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


def stub_pages(
    items: Iterable,
    view: str,
    slug: Callable[[object], str],
    locales: list[str],
    default: str,
    title: Callable[[str, object], tuple[str, str]],
    *,
    searchable: bool,
) -> dict[str, str]:
    """name -> text of a stub page per item and language (page.md, page.<locale>.md), each
    holding the marker `<!-- fedsite:view slug -->`."""
    pages = {}
    for item in items:
        for locale in locales:
            name = f"{slug(item)}.md" if locale == default else f"{slug(item)}.{locale}.md"
            heading, description = title(locale, item)
            pages[name] = stub(heading, description, f"{view} {slug(item)}", searchable=searchable)
    return pages
