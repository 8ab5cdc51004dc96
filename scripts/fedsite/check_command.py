"""The editors' and CI's one check: the data, the pages' front matter and the settings; the
translations; and the strict build of the whole site. Then what is coming up.

    fedsite check [--root .] [--quick] [--ci] [--lang zh|en] [--site-dir DIR] [--today DATE]

--quick leaves out the build (seconds instead of a minute: for pre-commit and while editing).
--ci makes a missing translation (a page, or a text in the data) an error, as a pull request's
check does; an out-of-date one stays a warning. Messages are in Chinese unless --lang en (or
FEDSITE_LANG=en); each names the file, line and field, and says how to fix it. Exit code 0 when
everything passes (warnings are printed), 1 when something must be fixed."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from fedsite.environment.today import ReferenceDateError, reference_date
from fedsite.localization.languages import language_name
from fedsite.messages.catalogue import languages, say
from fedsite.messages.problems import DataError, editor_language
from fedsite.resources import SCHEMA_COPY, write_schemas
from fedsite.site import Site
from fedsite.translations import report as translation_report

# MkDocs' own messages for the mistakes editors make most, said in their words.
_BROKEN_LINK = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target"
)
_BROKEN_ANCHOR = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc .* does not "
    r"contain an anchor"
)


def check_data(root: Path, today: dt.date, language: str) -> Site | None:
    """Section 1: the site loaded, or None after printing its problems."""
    try:
        site = Site.from_folder(root, today)
    except DataError as exc:
        print(exc.report(root, language), file=sys.stderr)
        return None
    data = site.data
    print(
        say(
            "check.data_ok",
            language,
            townships=len(data.townships),
            places=len(data.places),
            hotlines=len(data.hotlines),
            categories=len(data.categories),
            activities=len(data.activities),
            courses=len(data.courses),
        )
    )
    if data.ignored:
        names = [
            {lang: language_name(code, lang) + f" ({code})" for lang in languages()}
            for code in data.ignored
        ]
        print(
            say("check.ignored_texts", language, count=sum(data.ignored.values()), languages=names)
        )
    others = [w for w in data.warnings if not w.missing_translation]
    shown = [w.format(root, language) for w in others] + site.booking_warnings
    if shown:
        print(say("check.warnings", language, count=len(shown)))
        for warning in shown:
            print(f"  {warning}")
    return site


def check_build(root: Path, today: dt.date, site_dir: Path | None, language: str) -> bool:
    """Section 3: `mkdocs build --strict`, as CI runs it; its problems in the editor's words
    where MkDocs' own are English."""
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",  # not --quiet: MkDocs then stops counting warnings
                "--config-file",
                str(root / "mkdocs.yml"),
                "--site-dir",
                str(site_dir or Path(scratch) / "site"),
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "SITE_TODAY": today.isoformat(), "NO_MKDOCS_2_WARNING": "1"},
        )
    if result.returncode == 0:
        print(say("check.build_ok", language))
        return True
    print(say("check.build_failed", language), file=sys.stderr)
    if "Traceback (most recent call last)" in result.stderr:  # not an editor's mistake
        last = result.stderr.strip().splitlines()[-1]
        print(f"  {say('check.bug', language, error=last)}", file=sys.stderr)
        return False
    for line in result.stderr.splitlines():
        if not re.match(r"(WARNING|ERROR)\b", line.strip()) and not line.startswith(" "):
            continue  # jieba's progress, the theme's notices
        message = re.sub(r"^(WARNING|ERROR)\s*-\s*", "", line.strip())
        if message.startswith("Aborted with"):
            continue
        if found := _BROKEN_ANCHOR.search(message):
            message = say("check.broken_anchor", language, **found.groupdict())
        elif found := _BROKEN_LINK.search(message):
            message = say("check.broken_link", language, **found.groupdict())
        print(f"  {message}", file=sys.stderr)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fedsite check", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the site's folder")
    parser.add_argument(
        "--today", help="reference date YYYY-MM-DD (default: SITE_TODAY, or today in Asia/Shanghai)"
    )
    parser.add_argument("--weeks", type=int, default=4, help="how far ahead to list")
    parser.add_argument("--quick", action="store_true", help="leave out the build")
    parser.add_argument("--ci", action="store_true", help="a missing translation is an error")
    parser.add_argument("--lang", choices=languages(), help="the messages' language")
    parser.add_argument("--site-dir", type=Path, help="keep the built site there")
    args = parser.parse_args(argv)
    if args.lang:
        os.environ["FEDSITE_LANG"] = args.lang  # for the build too
    language = editor_language()
    root: Path = args.root
    try:
        today = reference_date({"SITE_TODAY": args.today} if args.today else os.environ)
    except ReferenceDateError as exc:
        print(exc, file=sys.stderr)
        return 1
    if any(
        SCHEMA_COPY in p.read_text("utf-8", errors="replace")[:200] for p in root.glob("data/*.yml")
    ):
        write_schemas(root)  # what the data files' first line names, for editors' completion
    failed = 0
    print(say("check.data", language))
    site = check_data(root, today, language)
    failed += site is None
    print(f"\n{say('check.translations', language)}")
    pages, missing = translation_report(root, list(site.data.warnings) if site else None)
    if args.ci and (missing or any(p.state == "missing" for p in pages)):
        failed += 1
    print(f"\n{say('check.build', language)}")
    if args.quick:
        print(say("check.build_quick", language))
    elif site is None:
        print(say("check.build_skipped", language))
    else:
        failed += not check_build(root, today, args.site_dir, language)
    print("\n" + say("check.failed" if failed else "check.passed", language, count=failed))
    if site is not None:
        coming_up(site, today, args.weeks, language)
    return 1 if failed else 0


def coming_up(site: Site, today: dt.date, weeks: int, language: str) -> None:
    horizon = today + dt.timedelta(weeks=weeks)
    coming = [o for o in site.schedule.occurrences if today <= o.first_day < horizon]
    print(f"\n{say('check.coming', language, weeks=weeks, count=len(coming))}")
    locale = site.default.locale if language == "zh" else "en"
    for occ in coming:
        time = f"{occ.start:%H:%M}-{occ.end:%H:%M}" if occ.start else "           "
        status = "" if occ.status == "scheduled" else f" [{say(f'check.{occ.status}', language)}]"
        title = occ.activity.title.pick(locale, site.default.locale)[0]
        print(f"  {occ.first_day:%Y-%m-%d} {time}  {title} @ {occ.activity.venue.id}{status}")


if __name__ == "__main__":
    sys.exit(main())
