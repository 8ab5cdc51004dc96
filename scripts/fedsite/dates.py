"""The build's reference date ("today") and pages' last-update dates, localised with Babel."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date

SITE_TIMEZONE = ZoneInfo("Asia/Shanghai")


class ReferenceDateError(ValueError):
    pass


def reference_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The build's "today": SITE_TODAY=YYYY-MM-DD, else SOURCE_DATE_EPOCH, else today in Wanzhou.

    It is an input of the build so the same inputs give the same bytes, and tests can pin it.
    """
    if value := environ.get("SITE_TODAY"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ReferenceDateError(
                f"SITE_TODAY={value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-05"
            ) from None
    if value := environ.get("SOURCE_DATE_EPOCH"):
        try:
            return dt.datetime.fromtimestamp(int(value), SITE_TIMEZONE).date()
        except ValueError:
            raise ReferenceDateError(
                f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds"
            ) from None
    return dt.datetime.now(SITE_TIMEZONE).date()


@cache
def last_commit_date(path: Path) -> dt.date | None:
    """Date of the last commit that touched `path`, in Wanzhou time; None if git has no record.

    Written by hand rather than with mkdocs-git-revision-date-localized-plugin: that plugin
    falls back to the clock for files git does not track yet, and we want the build's
    reference date there, so builds stay reproducible; it also needs no GitPython.
    """
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:  # no git on this machine
        return None
    if not out or not out.isdigit():
        return None
    # A file with uncommitted edits was changed after its last commit.
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if dirty:
        return None
    return dt.datetime.fromtimestamp(int(out), SITE_TIMEZONE).date()


def page_updated(path: Path, today: dt.date) -> dt.date:
    return last_commit_date(path) or today


def localized_date(day: dt.date, locale: str) -> str:
    """'2026年11月28日' / 'November 28, 2026'."""
    return format_date(day, "long", locale=babel_locale(locale))


def babel_locale(locale: str) -> str:
    """The Babel locale for a site language: "zh" is Mainland usage; "en" follows US
    conventions (weeks start on Sunday, "Saturday, December 5, 2026"), as the site's readers
    abroad most often expect."""
    return {"zh": "zh_Hans_CN", "en": "en_US"}.get(locale, locale.replace("-", "_"))
