"""`fedsite audit`, the quality walk any site can run: the package's fixture sites (made by
`fedsite new`: Chinese and English; Chinese only; Chinese, English and Uyghur; empty) pass its
file checks, the Chinese one its browser walk too; and it finds what it is there to
find, on a small page made to hold every mistake at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CHROMIUM, NEW_SITE, ROOT, SITE_TODAY, mkdocs_build, require
from fedsite.language_command import main as language
from test_empty_site import emptied

AXE = ROOT / "node_modules/axe-core/axe.min.js"


def audit(site: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fedsite.cli", "audit", str(site), "--lang", "en", *options],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def fixture_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The four fixture sites, built."""
    from fedsite.new_site import main as new

    built = {}
    for kind in ("zh-en", "zh", "zh-en-ug", "empty"):
        folder = tmp_path_factory.mktemp(kind) / "source"
        assert new([str(folder), *NEW_SITE, "--today", SITE_TODAY, "--no-git"]) == 0
        if kind == "zh":
            assert language(["remove", "en", "--root", str(folder)]) == 0
        if kind == "zh-en-ug":
            assert language(["add", "ug", "--root", str(folder)]) == 0
        if kind == "empty":
            emptied(folder)
        build = mkdocs_build(folder, folder / "site", "http://127.0.0.1:8000/")
        assert build.returncode == 0, build.output
        built[kind] = build.site
    return built


@pytest.mark.parametrize("kind", ["zh-en", "zh", "zh-en-ug", "empty"])
def test_every_fixture_site_passes_the_file_checks(fixture_sites, kind: str) -> None:
    result = audit(fixture_sites[kind], "--no-browser")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all passed" in result.stdout


@pytest.mark.browser
def test_the_chinese_fixture_site_passes_the_walk(fixture_sites) -> None:
    # Chinese only, as most county sites will be: the walk takes a second or two a page, and
    # the reference site's own tests walk both languages.
    require(AXE, "npm ci")
    require(Path(CHROMIUM), "apt-get install chromium")
    result = audit(fixture_sites["zh"], "--axe", str(AXE), "--chromium", CHROMIUM)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all passed" in result.stdout


MISTAKES = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mistakes</title>
<link rel="stylesheet" href="https://fonts.example.net/font.css">
<style>p { font-size: 12px }</style></head>
<body><main><article>
<h1>Mistakes</h1><h3>A skipped level</h3>
<p>Small text. <a href="nowhere/">A link to nowhere</a> <a href="#missing">and to no anchor</a></p>
<img src="picture.svg">
<div style="width: 900px">Too wide for a phone</div>
<table><tr><td style="white-space: nowrap">
A row far too long for a phone to show in one line</td></tr></table>
</article></main></body></html>
"""


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(MISTAKES, "utf-8")
    (site / "picture.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', "utf-8")
    (site / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://federation.example/</loc></url></urlset>",
        "utf-8",
    )
    return site


def test_the_file_checks_find_each_mistake(broken_site: Path) -> None:
    result = audit(broken_site, "--no-browser")
    said = result.stdout
    assert result.returncode == 1
    assert '/: <img src="picture.svg"> has no alt text' in said
    assert "/: <h3>A skipped level follows an h1: use h2" in said
    assert '/: <a href="nowhere/">A link to nowhere leads nowhere' in said
    assert "no #missing on /" in said
    assert "/index.html: loads https://fonts.example.net/font.css from another host" in said


@pytest.mark.browser
def test_the_walk_finds_each_mistake(broken_site: Path) -> None:
    require(AXE, "npm ci")
    result = audit(broken_site, "--axe", str(AXE), "--chromium", CHROMIUM)
    said = result.stdout
    assert result.returncode == 1
    assert ": image-alt (critical)" in said
    assert "the browser asked another host for https://fonts.example.net/font.css" in said
    assert "text smaller than 16 px on a phone: p: Small text." in said
    assert "/: scrolls sideways on a 360 px phone" in said
    assert "/: a table wider than a 360 px phone: table: A row far too long for a" in said
    assert "/: the first Tab stop is not a visible skip link" in said


def test_no_built_site_is_said_plainly(tmp_path: Path) -> None:
    result = audit(tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no built site in" in result.stderr
