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
            problems.append(
                Problem(
                    path,
                    0,
                    0,
                    "",
                    "a script outside the site's script folder: pages may not load scripts "
                    "of their own",
                    f"a script of the site belongs in docs/{SCRIPT_FOLDER}/, listed under "
                    "extra_javascript in mkdocs.yml; otherwise remove the file",
                    "脚本文件不在网站的脚本文件夹里：页面不能加载自己的脚本",
                    f"网站的脚本放在 docs/{SCRIPT_FOLDER}/，并写进 mkdocs.yml 的 "
                    "extra_javascript；不是的话，删掉这个文件",
                )
            )
        elif suffix in DOCUMENTS:
            problems.append(
                Problem(
                    path,
                    0,
                    0,
                    "",
                    f"a {suffix} file would be published as a page of its own, outside the "
                    "site's layout and checks",
                    "write the page in Markdown (a .md file); a download belongs in a format "
                    "such as .pdf",
                    f"{suffix} 文件会作为单独的网页发布，没有网站的版式和检查",
                    "用 Markdown 写这个页面（.md 文件）；供下载的文件用 .pdf 等格式",
                )
            )
        elif suffix == ".svg" and _SVG_ACTIVE.search(path.read_bytes()):
            problems.append(
                Problem(
                    path,
                    0,
                    0,
                    "",
                    "the SVG image holds a script, an event handler or embedded HTML",
                    "save the image again without scripts (e.g. export it as plain SVG)",
                    "这张 SVG 图片里有脚本、事件处理程序或嵌入的网页内容",
                    "重新保存这张图片，不带脚本（如导出为普通 SVG）",
                )
            )
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
    target = shorten(os.readlink(path))
    return Problem(
        path,
        0,
        0,
        "",
        f"a symbolic link (to {target}): the build never follows one, as it would publish "
        "what it points to",
        "put the file or folder itself here instead of a link",
        f"这是一个符号链接（指向 {target}）：生成网站时不会跟随链接，否则会把它指向的内容公开出去",
        "把文件或文件夹本身放在这里，不要用链接",
    )
