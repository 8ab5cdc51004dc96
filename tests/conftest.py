"""Build the real site once per session and serve it on 127.0.0.1 for browser tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fedsite.audit.command import served
from fedsite.cli import build_site
from nginx import NGINX, nginx

ROOT = Path(__file__).resolve().parent.parent
SITE_TODAY = "2026-12-01"  # the build's pinned "today": builds are reproducible
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# What a project copy needs to build (everything else in the repository is not an input: the
# fedsite package is installed).
BUILD_INPUTS = ("docs", "overrides", "data", "mkdocs.yml")


# `fedsite new`'s answers for a site made in a test (made up, marked as such by the starter).
NEW_SITE = [
    "--name", "示例县妇女联合会", "--name-en", "Example County Women's Federation",
    "--short-name", "示例县妇联", "--short-name-en", "Example Women's Federation",
    "--level", "县", "--area", "示例县", "--area-en", "Example County",
    "--region", "四川省", "--region-en", "Sichuan", "--area-code", "0816",
]  # fmt: skip


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str  # stdout and stderr together
    site: Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mkdocs_build(
    project: Path, site: Path, site_url: str | None = None, *, strict: bool = True, **environ: str
) -> Build:
    """Run `mkdocs build --strict` as an editor or CI would, in a subprocess (without --strict,
    and with `strict: false` in mkdocs.yml, to see what a page would do if it were built)."""
    # Messages in English (FEDSITE_LANG), which most tests read; the Chinese ones have theirs.
    result = build_site(
        project,
        site,
        today=SITE_TODAY,
        site_url=site_url,
        strict=strict,
        capture=True,
        environ={"FEDSITE_LANG": "en", **environ},
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def fedsite_check(project: Path, language: str = "en") -> subprocess.CompletedProcess:
    """Run the editors' check command on a project, with the tests' pinned "today", its
    messages in `language` (FEDSITE_LANG)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "fedsite.check_command",
            "--root",
            str(project),
            "--today",
            SITE_TODAY,
            "--quick",  # the data's checks: a test that needs the build runs it
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FEDSITE_LANG": language},
    )


def site_strings(languages=("zh", "en")) -> dict[str, dict[str, str]]:
    """The reference site's interface strings, as a build has them: the package's, with the
    site's identity filled in."""
    from fedsite.identity.data import load_identity
    from fedsite.localization.ui_strings import load_ui_strings

    identity = load_identity(ROOT / "data", ROOT / "docs", list(languages))
    placeholders = {lang: identity.placeholders(lang) for lang in languages}
    return load_ui_strings(list(languages), ROOT / "data/ui.yml", placeholders)


def assert_failed_cleanly(build: Build, *expected: str) -> None:
    """An editor's mistake: a non-zero exit, each expected text in the output, no traceback,
    and no site at all (not even half of one)."""
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output, build.output
    for text in expected:
        assert text in build.output, build.output
    written = list(build.site.rglob("*")) if build.site.exists() else []
    assert written == [], f"a failed build left {len(written)} files in the site folder"


def edit(path: Path, old: str, new: str) -> None:
    """Make one mistake in a copy of the project: replace `old` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_project(target: Path) -> Path:
    """A copy of the site's inputs, for builds with a deliberate mistake in them."""
    target.mkdir(parents=True, exist_ok=True)
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(port: int) -> str:
    # Absolute URLs (hreflang, canonical, sitemaps) point at the test server, so the browser
    # tests never leave 127.0.0.1.
    return f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site", site_url)
    assert build.returncode == 0, build.output
    return build.site


def serve(site: Path, port: int) -> contextlib.AbstractContextManager[str]:
    """Serve a built site on 127.0.0.1 as a static web server would (fedsite audit's server)."""
    return served(site, port)


@pytest.fixture(scope="session")
def server(site: Path, port: int) -> Iterator[str]:
    """The site as production serves it: nginx with deploy/nginx/fedsite.conf."""
    require(NGINX, "apt-get install nginx-core libnginx-mod-http-brotli-filter")
    with nginx(site, port) as url:
        yield url


def require(path: Path, install: str) -> None:
    """A tool the tests need: its absence fails the run in CI and skips (visibly) elsewhere."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} not found: .ci/run must install it ({install})")
        pytest.skip(f"{path} not found ({install})")


@pytest.fixture(scope="session")
def axe_source() -> str:
    axe = ROOT / "node_modules/axe-core/axe.min.js"
    require(axe, "npm ci")
    return axe.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright (it cannot download its own browsers here)."""
    require(Path(CHROMIUM), "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_site(tmp_path: Path) -> Path:
    """A site as `fedsite new` makes it (Chinese and English, example data), no git."""
    from fedsite.new_site import main as new

    folder = tmp_path / "example"
    assert new([str(folder), *NEW_SITE, "--today", SITE_TODAY, "--no-git"]) == 0
    return folder
