"""Which pages are not translated yet, and which translations are out of date: each translation
records in its front matter the commit of the original it was made from (`translated_from:`, as
MDN's translated-content does), and is out of date when the original's text has changed since.

    fedsite translations [--root .] [--ci]          the status of every page, every language
    fedsite translations stamp docs/about.en.md     record that a translation is up to date

Data texts with no version in a language are listed too (fedsite-check prints the same). With
--ci, a missing translation (a page, or a text in the data) is an error (exit code 1); an
out-of-date one is a warning with the command that shows what changed. Messages are in Chinese
unless FEDSITE_LANG=en."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fedsite.environment.mkdocs_yml import read_mkdocs_yml
from fedsite.environment.today import ReferenceDateError, reference_date
from fedsite.messages.catalogue import say
from fedsite.messages.problems import DataError, Problem, editor_language
from fedsite.output.generated_pages import GENERATED_FOLDERS

STAMP = re.compile(r"^translated_from:.*\n", re.M)

# A translation's state, besides "current" (each has its message, translations.<state>).
STATES = ("missing", "outdated", "unstamped", "unknown", "unreadable")


@dataclass(frozen=True)
class PageStatus:
    original: Path  # docs/about.md, relative to the repository
    translation: Path  # docs/about.en.md
    # "missing", "outdated", "unstamped", "unknown" (stamp not in git), "unreadable" (not
    # UTF-8: `translation` is the file that is not) or "current"
    state: str
    stamp: str = ""


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        errors="replace",  # an old version saved in another encoding: unlike, not a crash
        check=False,
    )


def _text(path: Path) -> str | None:
    """A page's text; None when it is not UTF-8 (the editors' check says how to fix it)."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None


def stamp_of(text: str) -> str:
    found = re.search(r"^translated_from:\s*['\"]?([0-9a-f]{7,40})", text, re.M)
    return found[1] if found else ""


def page_status(root: Path, original: Path, translation: Path) -> PageStatus:
    if not (root / translation).is_file():
        return PageStatus(original, translation, "missing")
    text, now = _text(root / translation), _text(root / original)
    if text is None or now is None:
        return PageStatus(original, translation if text is None else original, "unreadable")
    stamp = stamp_of(text)
    if not stamp:
        return PageStatus(original, translation, "unstamped")
    then = git(root, "show", f"{stamp}:{original.as_posix()}")
    if then.returncode != 0:  # not a git repository, or a clone without that commit
        return PageStatus(original, translation, "unknown", stamp)
    return PageStatus(original, translation, "current" if then.stdout == now else "outdated", stamp)


def translation_outdated(root: Path, translation: Path, locale: str) -> bool:
    """Whether a translated page (docs/about.en.md) is known to be older than its original:
    the site says so on the page."""
    original = translation.with_name(translation.name.replace(f".{locale}.md", ".md"))
    return page_status(root, original, translation).state == "outdated"


def statuses(root: Path, docs: Path, default: str, languages: list[str]) -> list[PageStatus]:
    """Every original page (docs/x.md) against its translation in each other language."""
    translated = tuple(f".{lang}.md" for lang in languages)
    # The pages in git or about to be (not the build's generated, git-ignored ones).
    # -z: names exactly as they are (git quotes Chinese names and names with spaces otherwise).
    listed = git(
        root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", str(docs)
    )
    generated = tuple(f"{docs.as_posix()}/{folder}/" for folder in GENERATED_FOLDERS)
    originals = sorted(
        Path(name)
        for name in set(listed.stdout.split("\0"))
        if name.endswith(".md") and not name.endswith(translated) and not name.startswith(generated)
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
    text = _text(root / translation)
    if text is None:
        raise ValueError(f"{translation}: not UTF-8 text; save it as UTF-8, then stamp")
    if not text.startswith("---\n"):
        raise ValueError(f"{translation}: the page has no front matter")
    text = STAMP.sub("", text)
    # Quoted: a short commit can be all digits, which YAML would read as a number.
    text = text.replace("---\n", f'---\ntranslated_from: "{commit}"\n', 1)
    (root / translation).write_text(text, encoding="utf-8")
    return commit


def languages_of(root: Path) -> tuple[dict, str, list[str]]:
    """mkdocs.yml's settings, the default locale and the other built locales."""
    config, languages = read_mkdocs_yml(root / "mkdocs.yml")
    default = next(lang["locale"] for lang in languages if lang.get("default"))
    others = [
        lang["locale"] for lang in languages if not lang.get("default") and lang.get("build", True)
    ]
    return config, default, others


def report(root: Path, data_warnings: Sequence[Problem] | None) -> tuple[list[PageStatus], int]:
    """Print every page's translation status and (unless the data did not load: None) the
    data's texts with no version in a language; return the pages' statuses and the number of
    data texts missing a translation."""
    config, default, others = languages_of(root)
    language = editor_language()
    found = statuses(root, Path(config.get("docs_dir", "docs")), default, others)
    for status in found:
        if status.state != "current":
            print(f"  {say(f'translations.{status.state}', language, **vars(status))}")
    count = {state: sum(s.state == state for s in found) for state in STATES}
    print(say("translations.summary", language, count=len(found), **count))
    if data_warnings is None:
        print(say("translations.data_unchecked", language))
        return found, 0
    missing = [w for w in data_warnings if w.missing_translation]
    for lang in others:
        mine = [w for w in missing if w.missing_translation == lang]
        if mine:
            print(say("translations.data_missing", language, lang=lang, count=len(mine)))
            for warning in mine:
                print(f"  {warning.format(root, language)}")
    return found, len(missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="fedsite translations", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--ci", action="store_true", help="a missing translation is an error")
    parser.add_argument("action", nargs="?", choices=["status", "stamp"], default="status")
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args(argv)
    root: Path = args.root
    if args.action == "stamp":
        _config, default, _others = languages_of(root)
        for page in args.pages:
            try:
                print(f"{page}: translated_from {stamp(root, page, default)}")
            except ValueError as exc:
                print(exc, file=sys.stderr)
                return 1
        return 0
    found, missing_data = report(root, _data_warnings(root))
    missing = missing_data + sum(status.state == "missing" for status in found)
    return 1 if args.ci and missing else 0


def _data_warnings(root: Path) -> list[Problem] | None:
    """The data's warnings (those of missing texts among them), if the data loads."""
    from fedsite.site import Site  # (the site imports this module for a page's status)

    if not (root / "data").is_dir():  # a site with pages only
        return []
    try:
        return list(Site.from_folder(root, reference_date()).data.warnings)
    except (DataError, ReferenceDateError):
        return None


if __name__ == "__main__":
    sys.exit(main())
