"""The package's code is ruff clean (lint and format) and mypy clean, as CI checks on every run;
each check also finds a mistake put in front of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

CODE = [str(ROOT / "scripts"), str(ROOT / "tests")]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing() -> None:
    lint = run("ruff", "check", *CODE)
    assert lint.returncode == 0, lint.stdout
    formatted = run("ruff", "format", "--check", *CODE)
    assert formatted.returncode == 0, formatted.stdout


def test_mypy_finds_nothing() -> None:
    typed = run("mypy", str(ROOT / "scripts/fedsite"))
    assert typed.returncode == 0, typed.stdout


def test_each_check_finds_a_mistake(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nx: int = 'text'\n", "utf-8")  # unused import; wrong type
    assert run("ruff", "check", "--isolated", str(bad)).returncode == 1
    assert run("mypy", str(bad)).returncode == 1
