"""Which pages a change touches (fedsite/changed_pages.py), for the screenshots a pull request's
reviewers get: on a copy of the project in a small git repository, without a site build."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, edit
from fedsite.changed_pages import changed_files, site_at, touched_pages
from fedsite.site import Site

TODAY = dt.date(2026, 12, 1)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "project")
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    return root


def pages(root: Path) -> list[str]:
    before = site_at(root, "HEAD", lambda at: Site.from_folder(at, TODAY))
    return touched_pages(changed_files(root, "HEAD"), before, Site.from_folder(root, TODAY))


def test_an_activity_changed_touches_its_month_in_every_language(project: Path) -> None:
    edit(project / "data/activities.yml", "zh: 每月法律政策讲座", "zh: 每月法律讲座")
    found = pages(project)
    assert "activities/months/2026-12/" in found and "en/activities/months/2026-12/" in found
    assert {"", "activities/", "en/", "en/activities/"} <= set(found)
    assert not [page for page in found if "contacts" in page or "training" in page], found


def test_a_place_changed_touches_its_township_page(project: Path) -> None:
    edit(project / "data/places.yml", "zh: 龙驹镇妇女之家", "zh: 龙驹镇妇女之家（新址）")
    found = pages(project)
    assert found[:1] == ["contacts/longju/"], found
    assert "en/contacts/longju/" in found
    assert not [page for page in found if page.startswith(("activities", "en/activities"))]


def test_a_page_changed_touches_that_page_in_its_language_only(project: Path) -> None:
    with (project / "docs/services/health.en.md").open("a", encoding="utf-8") as page:
        page.write("\nOne more sentence.\n")
    assert pages(project) == ["en/services/health/"]


def test_the_stylesheet_changed_touches_the_key_pages(project: Path) -> None:
    (project / "docs/assets/site.css").write_text(".fs-notice { padding: 1rem; }\n", "utf-8")
    git(project, "add", "docs/assets/site.css")
    found = pages(project)
    assert {"", "contacts/", "en/", "en/help/"} <= set(found)


def test_files_with_chinese_names_or_spaces_are_named_as_they_are(project: Path) -> None:
    for name in ("docs/统一.md", "docs/two words.md"):
        (project / name).write_text("---\ndescription: 一页。\n---\n\n# 一页\n", "utf-8")
    git(project, "add", ".")
    assert {"docs/统一.md", "docs/two words.md"} <= set(changed_files(project, "HEAD"))
