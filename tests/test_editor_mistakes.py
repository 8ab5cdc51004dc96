"""Mistakes an editor can make: each gives a clear message naming the file (and line and field
for data), a non-zero exit code, no traceback, and no site at all."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import assert_failed_cleanly, copy_project, edit, fedsite_check, mkdocs_build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_broken_link_in_a_page(project: Path) -> None:
    with (project / "docs/about.en.md").open("a", encoding="utf-8") as page:
        page.write("\nSee [our history](history.md).\n")
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "about.en.md", "history.md")


def test_broken_anchor_in_a_page(project: Path) -> None:
    with (project / "docs/contacts.md").open("a", encoding="utf-8") as page:
        page.write("\n见[热线](#不存在的标题)。\n")
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "contacts.md", "不存在的标题")


def test_missing_navigation_target(project: Path) -> None:
    edit(project / "mkdocs.yml", "  - contacts.md\n", "  - contacts.md\n  - history.md\n")
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "history.md", "nav")


def test_a_string_the_package_does_not_have(project: Path) -> None:
    (project / "data/ui.yml").write_text("last_updatd:\n  zh: 更新于\n", "utf-8")
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "data/ui.yml:1:", "[last_updatd]", "did you mean 'last_updated'?")


def test_interface_strings_not_valid_yaml(project: Path) -> None:
    (project / "data/ui.yml").write_text("last_updated:\n  en: Page: last updated\n", "utf-8")
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "data/ui.yml:", "not valid YAML", "How to fix")


def test_interface_string_in_an_unknown_language(project: Path) -> None:
    (project / "data/ui.yml").write_text("last_updated:\n  enn: Mis à jour\n", "utf-8")
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "[last_updated.enn]", "unknown language 'enn'")


def test_a_site_changes_a_string_in_one_language(project: Path) -> None:
    (project / "data/ui.yml").write_text("last_updated:\n  en: Checked on\n", "utf-8")
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    assert "Checked on" in (build.site / "en/about/index.html").read_text("utf-8")
    chinese = (build.site / "about/index.html").read_text("utf-8")
    assert "Checked on" not in chinese and "更新" in chinese  # the package's, in Chinese


def test_a_page_saved_in_another_encoding(project: Path) -> None:
    """Windows editors may save as GBK: every command names the page, and how to fix it."""
    page = project / "docs/about.md"
    page.write_bytes(page.read_text("utf-8").encode("gbk"))
    for language, says in (("en", "not UTF-8 text"), ("zh", "文件不是 UTF-8 编码")):
        result = fedsite_check(project, language)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert f"docs/about.md: {says}" in output, output
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "docs/about.md: not UTF-8 text", "save the file as UTF-8")


def test_a_page_for_phones_to_keep_that_does_not_exist(project: Path) -> None:
    edit(project / "mkdocs.yml", "contacts/, activities/", "contatcs/, activities/")
    for language, says in (("en", "there is no page 'contatcs/'"), ("zh", "没有「contatcs/」")):
        result = fedsite_check(project, language)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert "mkdocs.yml:" in output and "[extra.offline.pages]" in output, output
        assert says in output, output


def test_a_broken_git_repository_is_named_not_a_traceback(project: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x")
    for folder in (project / ".git/objects").iterdir():  # its history lost
        if folder.name not in ("info", "pack"):
            shutil.rmtree(folder)
    result = fedsite_check(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert "git could not say when each page last changed" in output, output
