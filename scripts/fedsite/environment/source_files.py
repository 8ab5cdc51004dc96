"""The files themselves that editors add under docs/, data/ and the site's overrides/: no symbolic
link anywhere (MkDocs follows one and publishes what it points to: `.git/config`, with the
credentials a CI checkout leaves there, or /etc/passwd), and under docs/ nothing a browser
would run: no script outside the site's script folder, no HTML page of its own, no SVG image
with a script in it (opened by itself, it would run under the site's address)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from fedsite.messages.problems import Problem, shorten

# Where the site's own scripts live (mkdocs.yml's extra_javascript names them).
SCRIPT_FOLDER = "assets/javascripts"
SCRIPTS = {".js", ".mjs", ".cjs"}
# Pages a browser would open as documents with scripts, or turn into one (XSLT).
DOCUMENTS = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt"}
_SVG_ACTIVE = re.compile(rb"<script|<foreignobject|\son[a-z]+\s*=|javascript:", re.I)


def source_problems(docs_dir: Path, folders: Iterable[Path]) -> list[Problem]:
    """Every symbolic link in `docs_dir` and `folders` (the config file's own folder items,
    such as data/ and overrides/), and every file under docs/ that a browser would run."""
    problems = []
    for folder in dict.fromkeys([docs_dir, *folders]):
        problems += _links(folder)
    if problems:  # nothing below is read through a link
        return problems
    for path in _files(docs_dir):
        site_path = path.relative_to(docs_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in SCRIPTS and not site_path.startswith(SCRIPT_FOLDER + "/"):
            problems.append(Problem.at(path, 0, 0, "", "files.script", folder=SCRIPT_FOLDER))
        elif suffix in DOCUMENTS:
            problems.append(Problem.at(path, 0, 0, "", "files.document", suffix=suffix))
        elif suffix == ".svg" and _SVG_ACTIVE.search(path.read_bytes()):
            problems.append(Problem.at(path, 0, 0, "", "files.active_svg"))
    return problems


def _files(folder: Path) -> Iterable[Path]:
    for top, _folders, names in os.walk(folder):
        for name in sorted(names):
            yield Path(top) / name


def _links(folder: Path) -> list[Problem]:
    """The symbolic links in `folder` (itself included), found without following any."""
    found = [folder] if folder.is_symlink() else []
    if not found and folder.is_dir():
        for top, folders, names in os.walk(folder):  # never descends into a linked folder
            found += [Path(top) / name for name in sorted([*folders, *names])]
        found = [path for path in found if path.is_symlink()]
    return [_link_problem(path) for path in found]


def _link_problem(path: Path) -> Problem:
    return Problem.at(path, 0, 0, "", "files.symlink", target=shorten(os.readlink(path)))
