"""When each file last changed: its last git commit, read from one `git log` over the history
(not a subprocess per page), in China's time. A file changed since its last commit, or not yet
committed, changed "today" (the build's reference date).

Written by hand rather than with mkdocs-git-revision-date-localized-plugin: that plugin runs
git for each page, falls back to the clock for files git does not track, and is a MkDocs plugin
(the engine must not depend on MkDocs)."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from fedsite.messages.problems import Problem, shorten

SITE_TIMEZONE = ZoneInfo("Asia/Shanghai")


class HistoryError(RuntimeError):
    """git is there but failed: the dates would be wrong, so the build stops."""


@dataclass
class History:
    today: dt.date
    top: Path | None = None  # the repository's top folder; None outside a repository
    dates: dict[str, dt.date] = field(default_factory=dict)  # path from `top` -> last commit
    changed: set[str] = field(default_factory=set)  # modified or untracked since then

    @classmethod
    def read(cls, folder: Path, today: dt.date) -> History:
        top = _git(folder, "rev-parse", "--show-toplevel")
        if top is None:
            return cls(today)  # not a repository (a downloaded copy): every date is today
        history = cls(today, Path(top.strip()))
        # -z: file names exactly as they are (Chinese, spaces, even line breaks), NUL-separated.
        # Each commit is \x01<time>, a line break, then its files, each ending in NUL.
        stamp = None
        log = _git(folder, "log", "-z", "--format=%x01%ct", "--name-only")
        for name in (log or "").split("\0"):
            name = name.lstrip("\n")
            if name.startswith("\x01"):
                head, _, name = name.partition("\n")
                stamp = dt.datetime.fromtimestamp(int(head[1:]), SITE_TIMEZONE).date()
            if name and stamp is not None:
                history.dates.setdefault(name, stamp)  # newest first: the first one counts
        # "XY path\0", and for a rename or copy "XY new\0old\0": both names count as changed.
        entries = iter((_git(folder, "status", "--porcelain", "-z", "-uall") or "").split("\0"))
        for entry in entries:
            if len(entry) > 3:
                history.changed.add(entry[3:])
                if "R" in entry[:2] or "C" in entry[:2]:
                    history.changed.add(next(entries, ""))
        return history

    @property
    def available(self) -> bool:
        return self.top is not None

    def updated(self, path: Path) -> dt.date:
        """The date `path` last changed: its last commit, or today if changed since."""
        if self.top is None:
            return self.today
        try:
            key = path.resolve().relative_to(self.top.resolve()).as_posix()
        except ValueError:  # outside the repository
            return self.today
        if key in self.changed:
            return self.today
        return self.dates.get(key, self.today)


def history_problem(folder: Path, error: HistoryError) -> Problem:
    """What an editor is told when git cannot give the pages' dates."""
    key = "git.unsafe" if "dubious ownership" in str(error) else "git.broken"
    return Problem.at(folder, 0, 0, "", key, error=shorten(error, 200), folder=str(folder))


def _git(folder: Path, *args: str) -> str | None:
    """git's output; None if git is missing or `folder` is in no repository."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, check=False
        )
    except OSError:  # no git on this machine
        return None
    if result.returncode != 0:
        if "not a git repository" in result.stderr:
            return None
        if "does not have any commits" in result.stderr:
            return ""
        raise HistoryError(f"git {args[-1]} failed in {folder}: {result.stderr.strip()}")
    return result.stdout
