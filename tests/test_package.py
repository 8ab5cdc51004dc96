"""The package as a federation gets it: the wheel holds every file a site needs, and a site
builds with the package imported from the wheel alone (not from this repository's sources), as
a plugin found through its entry point."""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import NEW_SITE, ROOT, SITE_TODAY, copy_project


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # One build at a time: two test workers building from the same tree share its build/ and
    # egg-info folders, and one of them fails.
    lock = (tmp_path_factory.getbasetemp().parent / "wheel.lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        _build_wheel(out)
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
    (found,) = out.glob("fedsite-*.whl")
    return found


def _build_wheel(out: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )


def test_the_wheel_holds_what_a_site_needs(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = [
        path.relative_to(ROOT / "scripts").as_posix()
        for path in (ROOT / "scripts/fedsite").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    missing = sorted(set(sources) - names)
    assert sources and missing == [], missing
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[mkdocs.plugins]\nfedsite = fedsite.plugin:FedsitePlugin" in text, text


def test_a_site_builds_with_the_package_from_its_wheel(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(unpacked)
    project = copy_project(tmp_path / "project")
    env = {
        **os.environ,
        "PYTHONPATH": str(unpacked),  # before this repository's editable install
        "SITE_TODAY": SITE_TODAY,
        "NO_MKDOCS_2_WARNING": "1",
    }
    where = subprocess.run(
        [sys.executable, "-c", "import fedsite.plugin; print(fedsite.plugin.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(unpacked)), where.stdout
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assets = tmp_path / "site/assets/fedsite"
    assert list(assets.glob("quick-exit.*.js")) and (tmp_path / "site/sw.js").is_file()


def reference_facts() -> list[str]:
    """What names the reference site's federation: its identity's names, address, colour."""
    identity = yaml.safe_load((ROOT / "data/identity.yml").read_text("utf-8"))
    names = [text for field in ("name", "short_name", "area") for text in identity[field].values()]
    address = identity["address"].split("//")[1].split("/")[0]
    return [*names, address, identity["colour"], "万州", "Wanzhou"]


def files_naming(folder: Path, facts: list[str]) -> list[str]:
    return sorted(
        f"{path.relative_to(folder)}: {fact}"
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
        for fact in facts
        if fact.lower() in path.read_text("utf-8", errors="replace").lower()
    )


def test_the_package_names_no_federation() -> None:
    facts = reference_facts()
    assert files_naming(ROOT / "scripts/fedsite", facts) == []
    assert files_naming(ROOT / "data", facts)  # where they are: the reference site's data


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean virtual environment with the package installed from its wheel (its
    dependencies, not the package, come from the test environment: no network)."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    site_packages = next(venv.glob("lib/python*/site-packages"))
    ours = next(
        p for p in map(Path, sys.path) if p.name == "site-packages" and (p / "mkdocs").is_dir()
    )
    (site_packages / "dependencies.pth").write_text(f"{ours}\n", "utf-8")
    subprocess.run(
        [
            str(venv / "bin/python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return venv


def test_a_new_site_builds_and_passes_its_check_from_the_wheel(installed: Path, tmp_path) -> None:
    env = {
        key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "FEDSITE_LANG")
    }
    env["PATH"] = f"{installed / 'bin'}:{env['PATH']}"
    where = subprocess.run(
        [str(installed / "bin/python"), "-c", "import fedsite; print(fedsite.__file__)"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.startswith(str(installed)), where.stdout
    site = tmp_path / "example-county"
    made = subprocess.run(
        [str(installed / "bin/fedsite"), "new", str(site), *NEW_SITE, "--today", SITE_TODAY],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    assert {".ci", ".github", ".gitignore", "README.md", "requirements.txt"} <= {
        path.name for path in site.iterdir()
    }
    assert "fedsite[audit]==0.2.0" in (site / "requirements.txt").read_text("utf-8")
    checked = subprocess.run(
        [str(installed / "bin/fedsite"), "check", "--ci", "--today", SITE_TODAY, "--lang", "en"],
        cwd=site,
        env={**env, "SITE_TODAY": SITE_TODAY},
        capture_output=True,
        text=True,
        check=False,
    )
    output = checked.stdout + checked.stderr
    assert checked.returncode == 0 and "Everything passed." in output, output
    assert "0 not translated, 0 may be out of date, 0 without" in output, output
    built = subprocess.run(
        [str(installed / "bin/fedsite"), "build", "--strict", "-d", str(tmp_path / "built")],
        cwd=site,
        env={**env, "SITE_TODAY": SITE_TODAY},
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    home = (tmp_path / "built/index.html").read_text("utf-8")
    assert "示例县妇联" in home and "川ICP备00000000号-1" in home
    assert not re.search("万州|Wanzhou|巫山", home)
    # The new site's own check ends with the audit of its pages (its README's command).
    assert "fedsite audit site --no-browser" in (site / ".ci/run").read_text("utf-8")
    audited = subprocess.run(
        [str(installed / "bin/fedsite"), "audit", str(tmp_path / "built"), "--no-browser"],
        cwd=site,
        env={**env, "FEDSITE_LANG": "en"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert audited.returncode == 0, audited.stdout + audited.stderr
    assert "all passed" in audited.stdout


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_site_byte_for_byte(tmp_path: Path) -> None:
    """ProperDocs, the maintained fork of MkDocs 1.x, is the site's way on should MkDocs stop
    installing: it builds the same site, file for file and byte for byte."""
    built = {}
    for tool in ("mkdocs", "properdocs"):
        result = subprocess.run(
            [sys.executable, "-m", tool, "build", "--strict", "-d", str(tmp_path / tool)],
            cwd=ROOT,
            env={**os.environ, "SITE_TODAY": SITE_TODAY, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        built[tool] = tree(tmp_path / tool)
    assert len(built["mkdocs"]) > 100
    differ = sorted(
        name
        for name in built["mkdocs"].keys() | built["properdocs"].keys()
        if built["mkdocs"].get(name) != built["properdocs"].get(name)
    )
    assert differ == [], differ
