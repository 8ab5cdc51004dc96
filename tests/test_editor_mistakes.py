"""Mistakes an editor can make: each gives a clear message naming the file (and line and field
for data), a non-zero exit code, no traceback, and no site at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import assert_failed_cleanly, copy_project, edit, fedsite_check, mkdocs_build
from pages import HAN


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


def test_interface_string_missing_a_language(project: Path) -> None:
    ui = project / "data/ui.yml"
    line = ui.read_text(encoding="utf-8").splitlines().index("last_updated:") + 1
    edit(ui, "  en: Page last updated\n", "")
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, f"data/ui.yml:{line}:", "[last_updated]", "en text is missing")


def test_interface_strings_not_valid_yaml(project: Path) -> None:
    edit(project / "data/ui.yml", "  en: Page last updated\n", "  en: Page: last updated\n")
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "data/ui.yml:", "not valid YAML", "How to fix")


def test_interface_string_in_an_unknown_language(project: Path) -> None:
    edit(
        project / "data/ui.yml",
        "  en: Page last updated\n",
        "  en: Page last updated\n  fr: Mis à jour\n",
    )
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(build, "[last_updated.fr]", "unknown language 'fr'")


def test_bad_reference_date(project: Path) -> None:
    build = mkdocs_build(project, project / "site", SITE_TODAY="2026-02-30")
    assert_failed_cleanly(build, "SITE_TODAY='2026-02-30'", "YYYY-MM-DD")


def test_page_without_translation_builds_with_a_notice(project: Path, site_url: str) -> None:
    (project / "docs/about.en.md").unlink()
    build = mkdocs_build(project, project / "site", site_url)
    assert build.returncode == 0, build.output
    # Never silently: the build says which page is untranslated.
    assert re.search(r"about\.md.*English", build.output), build.output

    from bs4 import BeautifulSoup

    page = BeautifulSoup((build.site / "en/about/index.html").read_text("utf-8"), "lxml")
    assert page.html["lang"] == "en"
    notice = page.select_one("article .fs-notice")
    assert notice and "not been translated" in notice.get_text()
    assert not HAN.search(notice.get_text())
    # The Chinese text is marked as Chinese, and search engines are sent to the original.
    original = page.select_one('article div[lang="zh-Hans"]')
    assert original and HAN.search(original.get_text())
    assert page.select_one('link[rel="canonical"]')["href"] == site_url + "about/"
    sitemap = (build.site / "sitemap.xml").read_text("utf-8")
    entry = sitemap[sitemap.index(f"<loc>{site_url}about/</loc>") :].split("</url>")[0]
    assert set(re.findall(r'hreflang="([^"]+)"', entry)) == {"zh-Hans", "x-default"}
    # The untranslated copy is not offered to search engines as an English page.
    assert f"{site_url}en/about/</loc>" not in (build.site / "sitemap.xml").read_text("utf-8")
    # Translated pages are unaffected.
    other = BeautifulSoup((build.site / "en/contacts/index.html").read_text("utf-8"), "lxml")
    assert other.select_one(".fs-notice") is None


def test_broken_front_matter_stops_the_build_naming_every_page(project: Path) -> None:
    """The three mistakes a YAML novice makes most: an unquoted colon, a tab, an open quote."""
    edit(project / "docs/about.en.md", "description: Who", "description: About us: who")
    edit(project / "docs/contacts.md", "---\n\n", "\tsensitive: false\n---\n\n")
    edit(project / "docs/safety.en.md", '"Exit this page"', "Exit this page")  # no quote inside
    edit(project / "docs/safety.en.md", "description: How", 'description: "How')
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(
        build,
        "3 problems",
        "docs/about.en.md:3:",  # line 2 holds translated_from
        "[description] not valid YAML",
        "put the whole text in quotes",
        "docs/contacts.md:3:1:",
        "a tab character",
        "indent with spaces",
        "docs/safety.en.md:3:14: [description] not valid YAML: a quote is not closed",
    )


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
