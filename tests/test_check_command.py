"""The editors' and CI's one check (fedsite-check): data, translations and the strict build, in
the editor's language; and a translation made before its original changed says so on the
page, in the visitor's language. On copies of the project (in a git repository where the
translation history matters)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SITE_TODAY, copy_project, edit


def run(project: Path, *args: str, language: str = "en") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fedsite.check_command", "--root", str(project), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FEDSITE_LANG": language, "SITE_TODAY": SITE_TODAY},
    )


def git(root: Path, *args: str) -> str:
    author = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    done = subprocess.run(["git", "-C", str(root), *author, *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_an_outdated_translation_is_a_warning_and_says_so_on_its_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-qm", "the site")
    stamp = [sys.executable, "-m", "fedsite.translations", "--root", str(project), "stamp"]
    subprocess.run([*stamp, "docs/about.en.md", "docs/help.en.md"], check=True, capture_output=True)
    git(project, "commit", "-qam", "checked translations")
    edit(project / "docs/about.md", "\n# ", "\n这是新加的一句话。\n\n# ")
    git(project, "commit", "-qam", "the original changed")

    result = run(project, "--ci", "--site-dir", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output  # out of date is a warning, even in CI
    assert "may be out of date: docs/about.en.md" in output
    assert "git diff" in output and "-- docs/about.md" in output
    assert "Everything passed" in output

    def notice(path: str) -> BeautifulSoup | None:
        html = (tmp_path / "site" / path / "index.html").read_text(encoding="utf-8")
        found = BeautifulSoup(html, "lxml").select(".fs-notice")
        return found[0] if found else None

    about = notice("en/about")
    assert about is not None
    assert "This translation may be out of date" in about.get_text()
    link = about.find("a")
    assert link["href"] == "../../about/" and link["hreflang"] == "zh-Hans"
    assert notice("about") is None  # the original itself
    assert notice("en/help") is None  # stamped, and its original did not change


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", "页面 about.md 里的链接「history.md」找不到目标"),
        ("en", "the link 'history.md' in about.md leads nowhere"),
    ],
)
def test_a_broken_link_is_explained_in_the_editors_language(
    tmp_path: Path, language: str, expected: str
) -> None:
    project = copy_project(tmp_path / "project")
    with (project / "docs/about.md").open("a", encoding="utf-8") as page:
        page.write("\n见[我们的历史](history.md)。\n")
    result = run(project, "--site-dir", str(tmp_path / "site"), language=language)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert expected in output
    assert "Traceback" not in output
    assert ("有 1 类问题要改" if language == "zh" else "1 kind of problem to fix") in output


def test_ci_fails_on_a_text_in_the_data_with_no_translation(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(project / "data/activities.yml", "      en: Monthly law and policy talk\n", "")
    line = next(
        n
        for n, text in enumerate((project / "data/activities.yml").read_text("utf-8").split("\n"))
        if "每月法律政策讲座" in text
    )  # the title's line is the one before: 0-based n is its 1-based number

    relaxed = run(project, "--quick")
    assert relaxed.returncode == 0, relaxed.stdout + relaxed.stderr
    strict = run(project, "--quick", "--ci")
    assert strict.returncode == 1
    assert "Texts in the data with no en version yet (1):" in strict.stdout
    assert f"data/activities.yml:{line}:" in strict.stdout
    assert "[activities[0].title]" in strict.stdout
    chinese = run(project, "--quick", "--ci", language="zh")
    assert "数据里还没有 en 文字的地方（1 处）" in chinese.stdout
    assert "第 1 项活动「每月法律政策讲座」的「标题」" in chinese.stdout

    # The translation command alone says the same.
    alone = subprocess.run(
        [sys.executable, "-m", "fedsite.translations", "--root", str(project), "--ci"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FEDSITE_LANG": "en", "SITE_TODAY": SITE_TODAY},
    )
    assert alone.returncode == 1
    assert f"data/activities.yml:{line}:" in alone.stdout
