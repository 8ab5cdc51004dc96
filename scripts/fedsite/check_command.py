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
from fedsite.messages.problems import DataError, editor_language
from fedsite.resources import SCHEMA_COPY, write_schemas
from fedsite.site import Site
from fedsite.translations import report as translation_report

WORDS = {
    "zh": {
        "data": "1/3 数据、页面开头的信息和 mkdocs.yml 的设置",
        "data_ok": "通过：{townships} 个乡镇街道，{places} 个地点，{hotlines} 条热线，"
        "{categories} 类活动，{activities} 项活动和课时，{courses} 门课程。",
        "warnings": "{count} 条提醒（不影响生成网站，但请看一下）：",
        "translations": "2/3 翻译",
        "build": "3/3 生成整个网站（严格模式，和 CI 一样）",
        "build_skipped": "跳过：先改好上面的问题。",
        "build_quick": "跳过（--quick）。提交前运行一次不带 --quick 的 fedsite-check。",
        "build_ok": "通过：网站生成了，没有警告。",
        "bug": "程序出错了，这不是您的错：{error}。请把这段输出发给负责网站程序的同事。",
        "build_failed": "没有通过，网站生成时的问题：",
        "passed": "全部通过。",
        "failed": "有 {count} 类问题要改（见上面）。",
        "coming": "接下来 {weeks} 周的活动（{count} 项）：",
        "cancelled": "取消",
        "postponed": "延期",
        "moved": "改期",
        "broken_link": "页面 {page} 里的链接「{link}」找不到目标：检查文件名和路径"
        "（链接写目标 .md 文件的相对路径，比如 ../services/index.md）",
        "broken_anchor": "页面 {page} 里的链接「{link}」指向的标题不存在：检查 # 后面的写法，"
        "要和目标页面上的标题一致",
    },
    "en": {
        "data": "1/3 Data, pages' front matter and mkdocs.yml's settings",
        "data_ok": "Passed: {townships} townships and streets, {places} places, {hotlines} "
        "hotlines, {categories} kinds of activity, {activities} activities and sessions, "
        "{courses} courses.",
        "warnings": "{count} warning(s) (the site builds, but please look):",
        "translations": "2/3 Translations",
        "build": "3/3 Building the whole site (strict, as CI does)",
        "build_skipped": "Skipped: fix the problems above first.",
        "build_quick": "Skipped (--quick). Run fedsite-check without --quick before you push.",
        "build_ok": "Passed: the site builds with no warnings.",
        "bug": "The site's program failed, not your change: {error}. Please send this output "
        "to whoever looks after the site's code.",
        "build_failed": "Failed. What the build said:",
        "passed": "Everything passed.",
        "failed": "{count} kind(s) of problem to fix (above).",
        "coming": "Coming up in the next {weeks} weeks ({count}):",
        "cancelled": "cancelled",
        "postponed": "postponed",
        "moved": "moved",
        "broken_link": "the link '{link}' in {page} leads nowhere: check the file name and path "
        "(link to the .md file, relative to the page, e.g. ../services/index.md)",
        "broken_anchor": "the link '{link}' in {page} points to a heading that is not there: "
        "check what follows #, it must match the heading on the target page",
    },
}

# MkDocs' own messages for the mistakes editors make most, said in their words.
_BROKEN_LINK = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target"
)
_BROKEN_ANCHOR = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc .* does not "
    r"contain an anchor"
)


def check_data(root: Path, today: dt.date, words: dict[str, str]) -> Site | None:
    """Section 1: the site loaded, or None after printing its problems."""
    language = editor_language()
    try:
        site = Site.from_folder(root, today)
    except DataError as exc:
        print(exc.report(root, language), file=sys.stderr)
        return None
    data = site.data
    print(
        words["data_ok"].format(
            townships=len(data.townships),
            places=len(data.places),
            hotlines=len(data.hotlines),
            categories=len(data.categories),
            activities=len(data.activities),
            courses=len(data.courses),
        )
    )
    others = [w for w in data.warnings if not w.missing_translation]
    shown = [w.format(root, language) for w in others] + site.booking_warnings
    if shown:
        print(words["warnings"].format(count=len(shown)))
        for warning in shown:
            print(f"  {warning}")
    return site


def check_build(root: Path, today: dt.date, site_dir: Path | None, words: dict[str, str]) -> bool:
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
        print(words["build_ok"])
        return True
    print(words["build_failed"], file=sys.stderr)
    if "Traceback (most recent call last)" in result.stderr:  # not an editor's mistake
        last = result.stderr.strip().splitlines()[-1]
        print(f"  {words['bug'].format(error=last)}", file=sys.stderr)
        return False
    for line in result.stderr.splitlines():
        if not re.match(r"(WARNING|ERROR)\b", line.strip()) and not line.startswith(" "):
            continue  # jieba's progress, the theme's notices
        message = re.sub(r"^(WARNING|ERROR)\s*-\s*", "", line.strip())
        if message.startswith("Aborted with"):
            continue
        if found := _BROKEN_ANCHOR.search(message):
            message = words["broken_anchor"].format(**found.groupdict())
        elif found := _BROKEN_LINK.search(message):
            message = words["broken_link"].format(**found.groupdict())
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
    parser.add_argument("--lang", choices=["zh", "en"], help="the messages' language")
    parser.add_argument("--site-dir", type=Path, help="keep the built site there")
    args = parser.parse_args(argv)
    if args.lang:
        os.environ["FEDSITE_LANG"] = args.lang  # for the build too
    words = WORDS[editor_language()]
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
    print(words["data"])
    site = check_data(root, today, words)
    failed += site is None
    print(f"\n{words['translations']}")
    pages, missing = translation_report(root, list(site.data.warnings) if site else None)
    if args.ci and (missing or any(p.state == "missing" for p in pages)):
        failed += 1
    print(f"\n{words['build']}")
    if args.quick:
        print(words["build_quick"])
    elif site is None:
        print(words["build_skipped"])
    else:
        failed += not check_build(root, today, args.site_dir, words)
    print("\n" + (words["failed"].format(count=failed) if failed else words["passed"]))
    if site is not None:
        coming_up(site, today, args.weeks, words)
    return 1 if failed else 0


def coming_up(site: Site, today: dt.date, weeks: int, words: dict[str, str]) -> None:
    horizon = today + dt.timedelta(weeks=weeks)
    coming = [o for o in site.schedule.occurrences if today <= o.first_day < horizon]
    print(f"\n{words['coming'].format(weeks=weeks, count=len(coming))}")
    locale = site.default.locale if editor_language() == "zh" else "en"
    for occ in coming:
        time = f"{occ.start:%H:%M}-{occ.end:%H:%M}" if occ.start else "           "
        status = "" if occ.status == "scheduled" else f" [{words.get(occ.status, occ.status)}]"
        title = occ.activity.title.pick(locale, site.default.locale)[0]
        print(f"  {occ.first_day:%Y-%m-%d} {time}  {title} @ {occ.activity.venue.id}{status}")


if __name__ == "__main__":
    sys.exit(main())
