"""What `mkdocs serve` keeps between rebuilds (output/rebuild_memo.py), without a site build:
a rebuild with the memo gives exactly what one without it gives, a changed activity or place
is made again, and nothing stale survives. Runs in a few seconds."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import copy_project, edit
from fedsite import paths
from fedsite.calendar.feeds import calendar_files
from fedsite.calendar.pages import CalendarPages
from fedsite.localization.texts import Text
from fedsite.output.rebuild_memo import RebuildMemo, fingerprint
from fedsite.site import Site

TODAY = dt.date(2026, 12, 1)
MONTH = "2026-12"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("memo"))


def month_page(site: Site, memo: RebuildMemo | None, locale: str = "zh") -> str:
    pages = CalendarPages(site.schedule, site.settings.calendar, structured=False, memo=memo)
    home = site.language(locale).home
    return "\n".join(pages.month(site.context(locale, f"{home}activities/months/{MONTH}/"), MONTH))


def test_fingerprint_is_by_content():
    site = Site.from_folder(Path(__file__).parent.parent, TODAY)
    place = next(iter(site.data.places.values()))
    twin = replace(place, name=Text(dict(place.name.values)))
    assert twin is not place and fingerprint(twin) == fingerprint(place)
    renamed = replace(place, name=Text({**place.name.values, "zh": "改过的名字"}))
    assert fingerprint(renamed) != fingerprint(place)
    activity = site.data.activities[0]
    moved = replace(activity, venue=renamed)  # a change inside an activity's place
    assert fingerprint(moved) != fingerprint(replace(activity, venue=twin))


def test_a_rebuild_with_the_memo_is_the_same_as_without(project: Path):
    memo = RebuildMemo()
    first = Site.from_folder(project, TODAY)
    plain = month_page(first, None)
    assert "每月法律政策讲座" in plain
    memo.new_build()
    assert month_page(first, memo) == plain
    kept = len(memo)
    assert kept > 3  # one card per date of the month
    ctx = first.context("zh", "")
    feeds = calendar_files(first.schedule, ctx, events=False)
    assert calendar_files(first.schedule, ctx, events=False, memo=memo) == feeds

    # The next rebuild, after an editor renamed one activity: a new Site, equal pieces reused.
    edit(project / "data/activities.yml", "zh: 每月法律政策讲座", "zh: 每月法律讲座（改）")
    second = Site.from_folder(project, TODAY)
    memo.new_build()
    changed = month_page(second, memo)
    assert changed == month_page(second, None)
    assert "每月法律讲座（改）" in changed and "每月法律政策讲座" not in changed
    assert month_page(second, memo, "en") == month_page(second, None, "en")
    ctx = second.context("zh", "")
    feeds = calendar_files(second.schedule, ctx, events=False, memo=memo)
    assert feeds == calendar_files(second.schedule, ctx, events=False)
    assert "每月法律讲座（改）" in feeds[paths.feed()].decode().replace("\r\n ", "")


def test_pieces_not_used_go_after_the_next_build():
    memo, made = RebuildMemo(), []
    memo.new_build()
    memo.get("a", lambda: made.append("a") or "A")
    memo.new_build()  # "a" is not used in this build
    memo.get("b", lambda: made.append("b") or "B")
    memo.new_build()
    assert memo.get("a", lambda: made.append("a") or "A2") == "A2"
    assert memo.get("b", lambda: made.append("b") or "B2") == "B"  # kept from the last build
    assert made == ["a", "b", "a"]
