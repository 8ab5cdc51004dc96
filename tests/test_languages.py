"""A site's languages, by command: `fedsite language add ug` gives Uyghur pages laid out right to
left, in a language Material has no labels for; `fedsite language remove en` gives a Chinese-only
site that ignores the data's English texts, saying how many. On a site made by `fedsite new`,
not on the reference site's data."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SITE_TODAY, assert_failed_cleanly, mkdocs_build
from fedsite.language_command import main as language


def run_language(site: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fedsite.cli", "language", *args, "--root", str(site)],
        capture_output=True,
        text=True,
        check=False,
        env={"FEDSITE_LANG": lang, "SITE_TODAY": SITE_TODAY, "PATH": "/usr/bin:/bin"},
    )


def test_adding_uyghur_gives_right_to_left_pages(new_site: Path, tmp_path: Path) -> None:
    added = run_language(new_site, "add", "ug")
    assert added.returncode == 0, added.stderr
    said = added.stdout
    assert re.search(r"\d+ pages: write page\.ug\.md", said), said
    assert re.search(r"\d+ interface strings", said), said
    assert re.search(r"\d+ texts in the data", said), said
    assert "right to left" in said
    build = mkdocs_build(new_site, tmp_path / "site")
    assert build.returncode == 0, build.output
    home = (build.site / "ug/index.html").read_text("utf-8")
    assert re.search(r'<html lang="ug"', home)
    assert re.search(r'<body dir="rtl"', home)
    # What is shown in Chinese until translated keeps its own direction and says so.
    assert 'lang="zh-Hans" dir="ltr"' in home
    assert "维吾尔语" in home  # the notice names the language the page is missing
    assert 'class="fs-untranslated" dir="auto"' in home
    assert re.search(r'<p dir="auto">[^<]*维吾尔语', home)  # the page's notice, its own way
    for page in (build.site / "ug").rglob("index.html"):
        assert '<body dir="rtl"' in page.read_text("utf-8"), page


def test_adding_and_removing_a_language_leaves_mkdocs_yml_as_it_was(new_site: Path) -> None:
    before = (new_site / "mkdocs.yml").read_text("utf-8")
    assert language(["add", "bo", "--root", str(new_site)]) == 0
    added = (new_site / "mkdocs.yml").read_text("utf-8")
    assert "locale: bo" in added and added.count("#") == before.count("#")  # comments kept
    assert language(["remove", "bo", "--root", str(new_site)]) == 0
    assert (new_site / "mkdocs.yml").read_text("utf-8") == before


def test_removing_english_builds_a_chinese_only_site(new_site: Path, tmp_path: Path) -> None:
    removed = run_language(new_site, "remove", "en", lang="zh")
    assert removed.returncode == 0, removed.stderr
    assert "英语（en）" in removed.stdout
    build = mkdocs_build(new_site, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert (build.site / "index.html").is_file()
    assert not (build.site / "en").exists()
    checked = subprocess.run(
        [sys.executable, "-m", "fedsite.cli", "check", "--quick", "--lang", "en"],
        cwd=new_site,
        capture_output=True,
        text=True,
        check=False,
        env={"SITE_TODAY": SITE_TODAY, "PATH": "/usr/bin:/bin"},
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert re.search(
        r"\d+ texts in the data are in languages the site does not build", checked.stdout
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["add", "qq"], "'qq' is not a language code"),
        (["add", "en"], "has the language 'en' already"),
        (["remove", "zh"], "'zh' is the site's default language"),
        (["remove", "ug"], "the site has no language 'ug'"),
    ],
)
def test_a_wrong_language_changes_nothing_and_says_why(
    new_site: Path, args: list[str], expected: str
) -> None:
    before = (new_site / "mkdocs.yml").read_text("utf-8")
    result = run_language(new_site, *args)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert (new_site / "mkdocs.yml").read_text("utf-8") == before


def test_a_broken_mkdocs_yml_is_named_not_a_traceback(new_site: Path) -> None:
    (new_site / "mkdocs.yml").write_text("plugins:\n  - i18n: [\n", "utf-8")
    result = run_language(new_site, "add", "ug")
    assert result.returncode == 1
    assert "mkdocs.yml" in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_key_that_is_no_language_is_still_a_mistake(new_site: Path, tmp_path: Path) -> None:
    places = new_site / "data/places.yml"
    text = places.read_text("utf-8")
    first = re.search(r"\n( +)en: ", text)
    assert first, text
    places.write_text(text[: first.start()] + f"\n{first[1]}enn: " + text[first.end() :], "utf-8")
    line = text[: first.start() + 1].count("\n") + 1
    build = mkdocs_build(new_site, tmp_path / "site")
    assert_failed_cleanly(build, f"data/places.yml:{line}", "unknown language 'enn'")
