"""Which pages are not translated yet, and which translations are out of date: each translation
records in its front matter the commit of the original it was made from (`translated_from:`, as
MDN's translated-content does), and is out of date when the original's text has changed since.

    fedsite-translations [--root .] [--ci]          the status of every page, every language
    fedsite-translations stamp docs/about.en.md     record that a translation is up to date

With --ci, a page with no translation is an error (exit code 1); an out-of-date one is a
warning with the command that shows what changed. Messages are in Chinese unless
FEDSITE_LANG=en."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from fedsite.inputs.errors import editor_language
from fedsite.inputs.mkdocs_yml import read_mkdocs_yml

STAMP = re.compile(r"^translated_from:.*\n", re.M)


@dataclass(frozen=True)
class PageStatus:
    original: Path  # docs/about.md, relative to the repository
    translation: Path  # docs/about.en.md
    state: str  # "missing", "outdated", "unstamped" or "current"
    stamp: str = ""


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
    )


def stamp_of(text: str) -> str:
    found = re.search(r"^translated_from:\s*['\"]?([0-9a-f]{7,40})", text, re.M)
    return found[1] if found else ""


def page_status(root: Path, original: Path, translation: Path) -> PageStatus:
    if not (root / translation).is_file():
        return PageStatus(original, translation, "missing")
    stamp = stamp_of((root / translation).read_text(encoding="utf-8"))
    if not stamp:
        return PageStatus(original, translation, "unstamped")
    then = git(root, "show", f"{stamp}:{original.as_posix()}")
    now = (root / original).read_text(encoding="utf-8")
    state = "current" if then.returncode == 0 and then.stdout == now else "outdated"
    return PageStatus(original, translation, state, stamp)


def statuses(root: Path, docs: Path, default: str, languages: list[str]) -> list[PageStatus]:
    """Every original page (docs/x.md) against its translation in each other language."""
    translated = tuple(f".{lang}.md" for lang in languages)
    # The pages in git or about to be (not the build's generated, git-ignored ones).
    listed = git(root, "ls-files", "--cached", "--others", "--exclude-standard", "--", str(docs))
    originals = sorted(
        Path(name)
        for name in listed.stdout.splitlines()
        if name.endswith(".md") and not name.endswith(translated)
    )
    found = []
    for original in originals:
        for lang in languages:
            translation = original.with_name(f"{original.stem}.{lang}.md")
            found.append(page_status(root, original, translation))
    return found


def stamp(root: Path, translation: Path, default: str) -> str:
    """Write translated_from: the last commit of the original, which must be committed."""
    name = translation.name.split(".")
    original = translation.with_name(f"{name[0]}.md")
    if git(root, "diff", "--quiet", "HEAD", "--", original.as_posix()).returncode != 0:
        raise ValueError(f"{original}: commit the original page first, then stamp")
    commit = git(root, "log", "-1", "--format=%h", "--", original.as_posix()).stdout.strip()
    if not commit:
        raise ValueError(f"{original}: the original page is not in git yet")
    text = (root / translation).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError(f"{translation}: the page has no front matter")
    text = STAMP.sub("", text)
    text = text.replace("---\n", f"---\ntranslated_from: {commit}\n", 1)
    (root / translation).write_text(text, encoding="utf-8")
    return commit


WORDS = {
    "zh": {
        "missing": "还没有翻译：{translation}（原文 {original}）",
        "outdated": "翻译可能过时了：{translation}。原文改过，看改了什么："
        "git diff {stamp} -- {original}；翻译好以后运行 fedsite-translations stamp {translation}",
        "unstamped": "不知道是根据哪一版原文翻译的：{translation}。核对后运行 "
        "fedsite-translations stamp {translation}",
        "summary": "{count} 个页面：{missing} 个没有翻译，{outdated} 个翻译可能过时，"
        "{unstamped} 个没有记录原文版本",
    },
    "en": {
        "missing": "not translated yet: {translation} (original {original})",
        "outdated": "may be out of date: {translation}. The original changed; see what changed: "
        "git diff {stamp} -- {original}; once translated, run "
        "fedsite-translations stamp {translation}",
        "unstamped": "not known which version of the original it was made from: {translation}. "
        "Check it, then run fedsite-translations stamp {translation}",
        "summary": "{count} pages: {missing} not translated, {outdated} may be out of date, "
        "{unstamped} without the original's version",
    },
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="fedsite-translations", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--ci", action="store_true", help="a missing translation is an error")
    parser.add_argument("action", nargs="?", choices=["status", "stamp"], default="status")
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args(argv)
    root: Path = args.root
    config, languages = read_mkdocs_yml(root / "mkdocs.yml")
    default = next(lang["locale"] for lang in languages if lang.get("default"))
    others = [
        lang["locale"] for lang in languages if not lang.get("default") and lang.get("build", True)
    ]
    if args.action == "stamp":
        for page in args.pages:
            try:
                print(f"{page}: translated_from {stamp(root, page, default)}")
            except ValueError as exc:
                print(exc, file=sys.stderr)
                return 1
        return 0
    words = WORDS[editor_language()]
    found = statuses(root, Path(config.get("docs_dir", "docs")), default, others)
    for status in found:
        if status.state != "current":
            print(words[status.state].format(**vars(status)))
    count = {state: sum(s.state == state for s in found) for state in words if state != "summary"}
    print(words["summary"].format(count=len(found), **count))
    return 1 if args.ci and count["missing"] else 0


if __name__ == "__main__":
    sys.exit(main())
