"""Pages hold nothing that runs or loads on its own, and the build follows no symbolic link.

The engine's reading of a page's HTML is tested alone (what it finds, and that it finds nothing
in ordinary content); a build of a page holding each thing stops with the page's file and the
line of each, in Chinese and in English, and leaves no site; so does a script or HTML file under
docs/, an SVG image with a script, and a symbolic link anywhere under docs/, data/ or overrides/
(the editors' check names them too, without a build)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import assert_failed_cleanly, copy_project, fedsite_check, mkdocs_build
from fedsite.pages.active_content import active_content

# What an editor (or an attacker with a pull request) might write into a page, and what the
# check calls it.
ACTIVE = [
    ('<script src="../files/map.js"></script>', "script"),
    ("<script>window.pwned = 1</script>", "script"),
    ('<SCRIPT/SRC="x.js"></SCRIPT>', "script"),
    ('<svg><script href="x.js"></script></svg>', "script"),
    ('<iframe src="https://map.example/"></iframe>', "frame"),
    ('<object data="x.pdf"></object>', "frame"),
    ('<embed src="x.swf">', "frame"),
    ('<base href="https://evil.example/">', "page"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "page"),
    ('<link rel="stylesheet" href="x.css">', "page"),
    ('<form action="https://evil.example/"><input name="phone"></form>', "page"),
    ('<a href="#" onclick="x()">点</a>', "handler"),
    ('<a href=" JaVa\tScript:alert(3)">x</a>', "url"),
    ('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', "url"),
    ("<style>.fs-exit{display:none}</style>", "style"),
    ('<p style="display:none">x</p>', "style"),
    ('<th style="text-align: left;">a</th>', "align"),
    ('<img src="https://tracker.example/x.png" alt="">', "remote"),
    ('<img srcset="a.png 1x, //cdn.example/b.png 2x" alt="">', "remote"),
]
ORDINARY = (
    '<p>Call <a href="tel:12338">12338</a> or see <a href="https://www.gov.cn/">gov.cn</a>.</p>'
    '<p><img src="../assets/logo.svg" alt="logo"> <img src="data:image/png;base64,AA" alt=""></p>'
    "<table><tr><th>a</th></tr></table><pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"
    '</pre><p>&lt;iframe&gt; and "javascript:" as words</p><details><summary>x</summary></details>'
    '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg><h2 id="x">Heading</h2>'
)


@pytest.mark.parametrize(("html", "kind"), ACTIVE)
def test_each_kind_of_active_content_is_found(html: str, kind: str) -> None:
    assert [found.kind for found in active_content(html)] == [kind]


def test_ordinary_content_holds_nothing_active() -> None:
    assert active_content(ORDINARY) == []


# Written into a page, with what the message names (in English; the Chinese one is checked
# for the page as a whole).
IN_A_PAGE = {
    '<script src="../files/map.js"></script>': "<script> in the page",
    '<iframe src="https://map.example/"></iframe>': "<iframe> in the page",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">': "<meta> in the page",
    '## 标题 {: onclick="alert(1)" }': "an event handler (onclick=…)",
    "[点这里](javascript:alert(1))": "a script address (javascript:alert(1))",
    "<style>.fs-exit{display:none}</style>": "a style of the page's own (<style>)",
    "| 甲 | 乙 |\n|:--|---|\n| 1 | 2 |": "a table column aligned with ':'",
    "![地图](https://tracker.example/map.png)": "a file from another site",
}


@pytest.fixture(scope="module")
def page_with_everything(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A project whose about page holds each thing, after its text; with the line of each."""
    project = copy_project(tmp_path_factory.mktemp("active") / "project")
    page = project / "docs/about.md"
    text = page.read_text("utf-8")
    lines = {}
    for snippet in IN_A_PAGE:
        text += "\n\n"
        # (A table's alignment is named at its separator line, the second.)
        lines[snippet] = text.count("\n") + 1 + snippet.startswith("|")
        text += snippet
    page.write_text(text + "\n", "utf-8")
    return project, lines


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_page_with_active_content_stops_the_build(page_with_everything, language) -> None:
    project, lines = page_with_everything
    site = project / f"site-{language}"
    build = mkdocs_build(project, site, FEDSITE_LANG=language)
    expected = [f"docs/about.md:{line}:" for line in lines.values()]
    assert_failed_cleanly(build, *expected)
    if language == "en":
        for snippet, message in IN_A_PAGE.items():
            assert f"docs/about.md:{lines[snippet]}: {message}" in build.output, build.output
    else:
        assert "页面里有 <script>：页面不能运行自己的脚本" in build.output, build.output


def test_a_build_that_is_not_strict_stops_too(page_with_everything) -> None:
    project, lines = page_with_everything
    build = mkdocs_build(project, project / "site-lenient", strict=False)
    assert_failed_cleanly(build, f"docs/about.md:{lines[next(iter(IN_A_PAGE))]}:")


# -- Files under docs/, and symbolic links --------------------------------------------------------


def test_files_a_browser_would_run_are_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs/sw2.js").write_text("self.addEventListener('fetch', () => {});", "utf-8")
    (project / "docs/files").mkdir()
    (project / "docs/files/map.html").write_text("<script>alert(1)</script>", "utf-8")
    (project / "docs/assets/badge.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "utf-8"
    )
    (project / "docs/assets/javascripts").mkdir()
    (project / "docs/assets/javascripts/extra.js").write_text("// the site's own", "utf-8")
    result = fedsite_check(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert "docs/sw2.js: a script outside the site's script folder" in output, output
    assert "docs/files/map.html: a .html file would be published" in output, output
    assert "docs/assets/badge.svg: the SVG image holds a script" in output, output
    assert "extra.js" not in output, output  # the site's script folder is where scripts go
    result = fedsite_check(project, "zh")
    assert "docs/sw2.js: 脚本文件不在网站的脚本文件夹里" in result.stdout + result.stderr


LINKS = {
    "docs/assets/notes.txt": "../../.git/config",
    "docs/passwd.md": "/etc/passwd",
    "data/outside": "/etc",
    "overrides/extra.html": "/etc/hostname",
}


def make_links(project: Path) -> None:
    for link, target in LINKS.items():
        (project / link).symlink_to(target)


def test_a_symbolic_link_is_named_and_never_followed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    make_links(project)
    says_in = {"en": "a symbolic link (to {target})", "zh": "这是一个符号链接（指向 {target}）"}
    for language, says in says_in.items():
        result = fedsite_check(project, language)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        for link, target in LINKS.items():
            assert f"{link}: " + says.format(target=target) in output, output
    build = mkdocs_build(project, tmp_path / "site")
    assert_failed_cleanly(build, *LINKS)


def test_a_linked_folder_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    os.rename(project / "docs/news", tmp_path / "news")
    (project / "docs/news").symlink_to(tmp_path / "news")
    result = fedsite_check(project)
    assert "docs/news: a symbolic link" in result.stdout + result.stderr
