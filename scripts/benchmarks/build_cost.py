"""What the engine costs over Material: the site's full `mkdocs build`, against a plain Material
build (same theme settings, plugins and Markdown extensions, without the fedsite plugin and the
site's overrides) of the same
Markdown the engine generates. Target (issue 23): at most 1.1x.

    python scripts/benchmarks/build_cost.py [--project .] [--runs 3]

A benchmark, not a test: it prints figures with the machine and its load; record them in
README. Each build runs in a child process, the two kinds in turn; the best of the runs
counts, and the median of the rounds' ratios (steadier on a shared machine)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from fedsite.cli import build_site

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-01"
INPUTS = ("docs", "overrides", "data", "mkdocs.yml")
ENV = {"SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(source: Path, target: Path) -> Path:
    for name in INPUTS:
        if (source / name).is_dir():
            shutil.copytree(
                source / name, target / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source / name, target / name)
    if (source / ".git").exists():  # "last updated" dates come from git
        shutil.copytree(source / ".git", target / ".git")
    return target


def build_seconds(project: Path) -> float:
    start = time.perf_counter()
    build = build_site(project, project / "site", today=TODAY, strict=False, capture=True)
    if build.returncode != 0:
        raise SystemExit(build.stdout + build.stderr)
    return time.perf_counter() - start


def rounds(projects: list[Path], runs: int) -> list[list[float]]:
    """Each round's time of each project, the builds taken in turn (one of each, then again),
    so that a machine that slows down for a while (a shared host's neighbours) slows both
    alike."""
    return [[build_seconds(project) for project in projects] for _ in range(runs)]


def plain_project(project: Path, target: Path) -> Path:
    """The same site for plain Material: every page with its markers filled, as Markdown."""
    from fedsite import paths
    from fedsite.site import Site

    site = Site.from_folder(project, dt.date.fromisoformat(TODAY))
    docs = project / "docs"
    site.write_stub_pages(docs)
    shutil.copytree(docs, target / "docs")
    for page in (target / "docs").rglob("*.md"):
        text = page.read_text("utf-8")
        if re.search(r"(?m)^template: ", text):  # our overrides' templates (the home page)
            page.write_text(re.sub(r"(?m)^template: .*\n", "", text, count=1), encoding="utf-8")
            text = page.read_text("utf-8")
        if "<!-- fedsite:" not in text:
            continue
        parts = page.relative_to(target / "docs").as_posix().split(".")
        locale = parts[1] if len(parts) == 3 else site.default.locale
        url = site.language(locale).home + paths.page(parts[0] + ".md")
        markdown, blocks = site.render(text, locale, url)
        page.write_text(blocks.restore(markdown), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"(?m)^  - fedsite\n", "", config)
    config = re.sub(r"(?m)^  custom_dir: .*\n", "", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def load_and_cpu() -> str:
    load = os.getloadavg()[0]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    return f"{cpu}, {os.cpu_count()} cores, load {load:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Build cost on {load_and_cpu()}, {dt.datetime.now():%Y-%m-%d %H:%M}")
    with tempfile.TemporaryDirectory() as tmp:
        ours = copy_project(args.project.resolve(), Path(tmp) / "ours")
        plain = plain_project(ours, Path(tmp) / "plain")
        times = rounds([ours, plain], args.runs)
    site_seconds, plain_seconds = (min(column) for column in zip(*times, strict=True))
    ratios = sorted(ours / plain for ours, plain in times)
    print(f"  full build (engine and plugin): {site_seconds:6.1f} s (best of {args.runs})")
    print(f"  plain Material, same Markdown: {plain_seconds:6.1f} s (best of {args.runs})")
    print(f"  ratio of the best: {site_seconds / plain_seconds:.2f}x (target at most 1.1x)")
    print(
        f"  ratio round by round: median {statistics.median(ratios):.2f}x,"
        f" from {ratios[0]:.2f}x to {ratios[-1]:.2f}x"
    )


if __name__ == "__main__":
    main()
