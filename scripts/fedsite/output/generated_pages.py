"""Pages whose number depends on the data (one per month of activities, one per township in
the directory), written as real Markdown files into git-ignored folders under docs/ before
MkDocs reads the docs: static-i18n drops pages added any other way. Each is a stub with a
marker the build fills."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from fedsite import paths
from fedsite.messages.problems import DataError, Problem
from fedsite.output.escaping import markdown_heading

GENERATED_FOLDERS = (paths.MONTHS, paths.TOWNSHIPS)
# The first line of every generated page's front matter (a YAML comment, so no page shows it):
# how the build tells its own files from an editor's.
NOTE = "# Written by the build from data/: changes here are lost."


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
    """A page with its title, description and the marker `<!-- fedsite:view argument -->`."""
    meta: dict = {"title": title, "description": description}
    if not searchable:
        meta["search"] = {"exclude": True}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    heading = markdown_heading(1, title)
    return f"---\n{NOTE}\n{front}---\n\n{heading}\n\n<!-- fedsite:{marker} -->\n"


def _generated(text: str) -> bool:
    # (Pages written before the note existed hold a month or township marker.)
    return NOTE in text or bool(re.search(r"<!-- fedsite:(month|township) ", text))


def sync_folder(folder: Path, pages: dict[str, str]) -> int:
    """Make `folder` hold exactly `pages` (name -> text); return how many files changed.
    Unchanged files are not rewritten, so `mkdocs serve` does not see a change and rebuild.
    A page an editor put there is never deleted or overwritten: that is a mistake to report."""
    folder.mkdir(parents=True, exist_ok=True)
    existing = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.md")}
    theirs = sorted(name for name, text in existing.items() if not _generated(text))
    if theirs:
        raise DataError(
            [
                Problem.at(folder / name, 0, 0, "", "build.page_in_generated", folder=folder.name)
                for name in theirs
            ]
        )
    changed = 0
    for name in existing.keys() - pages.keys():
        (folder / name).unlink()
        changed += 1
    for name, text in pages.items():
        if existing.get(name) != text:
            (folder / name).write_text(text, encoding="utf-8")
            changed += 1
    return changed
