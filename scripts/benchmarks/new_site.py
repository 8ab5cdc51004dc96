"""From the package's wheel to a built new site, as another federation would go: build the
wheel, `pip install` it into a new virtual environment (its dependencies from the package
index), `fedsite new`, and `fedsite build`; the seconds each step takes.

    python scripts/benchmarks/new_site.py

A benchmark, not a test (it needs the package index, and times a network): it prints figures
with the machine and its load; record them in README from a quiet machine."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEW_SITE = [
    "--name", "示例县妇女联合会", "--name-en", "Example County Women's Federation",
    "--short-name", "示例县妇联", "--short-name-en", "Example Women's Federation",
    "--level", "县", "--area", "示例县", "--area-en", "Example County",
    "--region", "四川省", "--region-en", "Sichuan", "--area-code", "0816",
]  # fmt: skip


def step(name: str, command: list[str], **options) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **options)
    seconds = time.perf_counter() - start
    print(f"  {name:<40} {seconds:6.1f} s")
    return seconds


def main() -> None:
    cpu = platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    print(
        f"Wheel to a built new site on {cpu}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.2f}, {dt.date.today()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        total = step(
            "pip wheel (the package)",
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work), str(ROOT)],
        )
        (wheel,) = work.glob("fedsite-*.whl")
        venv = work / "venv"
        total += step("python -m venv", [sys.executable, "-m", "venv", str(venv)])
        pip = [str(venv / "bin/python"), "-m", "pip", "install", "-q", "--no-cache-dir"]
        total += step("pip install (with its dependencies)", [*pip, str(wheel)])
        site = work / "site"
        total += step("fedsite new", [str(venv / "bin/fedsite"), "new", str(site), *NEW_SITE])
        total += step(
            "fedsite build",
            [str(venv / "bin/fedsite"), "build", "-q", "-d", str(work / "built")],
            cwd=site,
        )
        print(f"  {'in all':<40} {total:6.1f} s")


if __name__ == "__main__":
    main()
