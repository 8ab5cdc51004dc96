"""How the site scales: a district-sized dataset, the data stage on its own, the full
`mkdocs build` and its peak memory, at a quarter, half and all of the dataset; and, for all of
it, how long `mkdocs serve` takes to show a change to one data file. The data stage is split
into load (parse, check, model), pages (Markdown and HTML) and files (.ics, .vcf).

    python scripts/benchmarks/calendar_scale.py [--activities 7000] [--places 600] [--no-serve]
    python scripts/benchmarks/calendar_scale.py --worst

`--worst` builds instead the largest input the checks accept (tests/worst_case.py: every date
the calendar takes, over all the years it takes them, with as many places and townships as
the schemas allow), whose build must stay within about 2 GB and a few minutes.

A benchmark, not a test: it prints figures with the machine and its load; record them in
README from a quiet machine. Targets on 2 cores: the full build at most 45 s, the preview
updated in at most 15 s, cost growing linearly with the number of events."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import yaml
from fedsite.cli import build_site

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-01"
INPUTS = ("docs", "overrides", "data", "mkdocs.yml")
KINDS = [
    "womens-home",
    "law-talk",
    "family-education",
    "skills",
    "health",
    "volunteer-training",
    "left-behind-children",
    "relocation",
]


def dataset(places: int, activities: int, seed: int = 2026) -> dict[str, dict]:
    """Realistic shape: most activities single, one in seven repeating weekly or monthly."""
    rng = random.Random(seed)
    townships = [
        {"id": f"township-{n}", "name": {"zh": f"示例{n}镇", "en": f"Example Town {n}"}}
        for n in range(52)  # Wanzhou has about fifty streets, towns and townships
    ]
    place_list = [
        {
            "id": f"place-{n}",
            "kind": "federation" if n < len(townships) else "womens-home",
            "township": townships[n % len(townships)]["id"],
            "name": {"zh": f"第{n}社区妇女之家", "en": f"Community {n} Women's Home"},
            "address": {
                "zh": f"万州区示例路{n}号（示例地址）",
                "en": f"{n} Example Road, Wanzhou (example address)",
            },
            "phones": [{"number": f"023-0000 {n:04d}", "example": True}],
            "hours": {"zh": "周一至周五 9:00–17:00", "en": "Monday to Friday, 9:00 to 17:00"},
            "services": ["legal-rights", "family-education"],
        }
        for n in range(places)
    ]
    start = dt.date(2026, 9, 1)
    items = []
    for n in range(activities):
        day = start + dt.timedelta(days=rng.randrange(365))
        hour = rng.choice([9, 10, 14, 15, 19])
        item = {
            "id": f"activity-{n}",
            "title": {"zh": f"社区活动第{n}场", "en": f"Community activity {n}"},
            "category": rng.choice(KINDS),
            "venue": f"place-{rng.randrange(places)}",
            "date": day.isoformat(),
            "start": f"{hour:02d}:00",
            "end": f"{hour + 1:02d}:30",
            "description": {
                "zh": "示例活动，用于性能测试。",
                "en": "An example activity for benchmarks.",
            },
            "registration": {"how": {"zh": "电话报名。", "en": "Call to sign up."}, "cost": "free"},
            "updated": "2026-11-01",
        }
        if n % 7 == 0:
            item["repeat"] = {
                "frequency": rng.choice(["weekly", "monthly"]),
                "count": rng.randint(3, 8),
            }
        items.append(item)
    return {
        "townships": {"townships": townships},
        "places": {"places": place_list},
        "activities": {"activities": items},
        "trainings": {"trainings": []},
    }


def make_project(target: Path, places: int, activities: int) -> None:
    for name in INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns("__pycache__", "months", "contacts"),
            )
        else:
            shutil.copy2(source, target / name)
    for name, content in dataset(places, activities).items():
        (target / "data" / f"{name}.yml").write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def data_stage(project: Path) -> tuple[float, int, dict[str, float]]:
    """Load, check, expand and render every calendar and directory page, feed and vCard in
    both languages through the engine's entry point, without MkDocs, in a child process (so
    its memory is its own). Returns the total, the number of occurrences and each part."""
    result = subprocess.run(
        [sys.executable, __file__, "--data-stage", str(project)],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ),
    )
    seconds, count, load, pages, files = result.stdout.split()
    parts = {"load": float(load), "pages": float(pages), "files": float(files)}
    return float(seconds), int(count), parts


def run_data_stage(project: Path) -> None:
    """The child process of data_stage: prints total, occurrences, load, pages, files."""
    start = time.perf_counter()
    from fedsite import paths
    from fedsite.site import Site

    site = Site.from_folder(project, dt.date.fromisoformat(TODAY))
    count = len(site.schedule.occurrences)
    parts = {"load": time.perf_counter() - start, "pages": 0.0, "files": 0.0}
    out = Path(tempfile.mkdtemp())
    docs = project / "docs"
    mark = time.perf_counter()
    site.write_stub_pages(docs)
    parts["pages"] += time.perf_counter() - mark
    for lang in site.languages:
        mark = time.perf_counter()
        for page in sorted(docs.rglob("*.md")):
            text = page.read_text("utf-8")
            if "<!-- fedsite:" in text and page.suffixes[:-1] in ([], [f".{lang.locale}"]):
                source = page.relative_to(docs).as_posix().split(".")[0] + ".md"
                site.render(text, lang.locale, lang.home + paths.page(source))
        parts["pages"] += time.perf_counter() - mark
        mark = time.perf_counter()
        for path, data in site.files(lang.locale).items():
            target = out / lang.home / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        parts["files"] += time.perf_counter() - mark
    print(time.perf_counter() - start, count, parts["load"], parts["pages"], parts["files"])


def full_build(project: Path) -> tuple[float, float]:
    """`mkdocs build` in a child process: seconds and the child's peak memory in MiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    build = build_site(project, project / "site", today=TODAY, strict=False, capture=True)
    if build.returncode != 0:
        raise SystemExit(build.stdout + build.stderr)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def serve_update(project: Path) -> float:
    """`mkdocs serve` on the project: once it serves, one activity's title changes in
    data/activities.yml; seconds until the page that shows it has the new title."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        for line in process.stderr:
            if "Serving on" in line:
                break
        threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
        data = project / "data" / "activities.yml"
        text = data.read_text("utf-8")
        first = yaml.safe_load(text)["activities"][0]
        page = f"http://127.0.0.1:{port}/activities/months/{first['date'][:7]}/"
        marker = f"PREVIEW{time.time_ns()}"
        start = time.perf_counter()
        data.write_text(text.replace(first["title"]["zh"], marker, 1), encoding="utf-8")
        while marker not in _fetch(page):
            if time.perf_counter() - start > 300:
                raise TimeoutError("the preview did not update in 5 minutes")
            time.sleep(0.2)
        return time.perf_counter() - start
    finally:
        process.terminate()
        process.wait()


def worst() -> None:
    """The full build of the largest input the checks accept."""
    sys.path.insert(0, str(ROOT / "tests"))
    from worst_case import worst_case_data

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        make_project(project, 1, 1)
        for name, content in worst_case_data(dt.date.fromisoformat(TODAY)).items():
            (project / "data" / f"{name}.yml").write_text(content, encoding="utf-8")
        build, peak = full_build(project)
        pages = sum(1 for _ in (project / "site").rglob("*.html"))
        size = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
        print(
            f"worst accepted input: build {build:.1f} s, peak {peak:.0f} MiB, {pages} pages, "
            f"{size / 2**20:.0f} MiB of site"
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def machine() -> str:
    cpu = platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=7000)
    parser.add_argument("--places", type=int, default=600)
    parser.add_argument("--no-serve", action="store_true", help="leave out the preview")
    parser.add_argument("--worst", action="store_true", help="the largest accepted input")
    parser.add_argument("--data-stage", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.data_stage:
        run_data_stage(args.data_stage)
        return
    print(f"Scale benchmark on {machine()}, load {os.getloadavg()[0]:.2f}, {dt.date.today()}")
    if args.worst:
        worst()
        return
    print(
        f"{'activities':>10} {'occurrences':>12} {'data stage':>11} {'(load':>7} {'pages':>6} "
        f"{'files)':>7} {'build':>8} {'peak MiB':>9}"
    )
    for fraction in (0.25, 0.5, 1.0):
        count = int(args.activities * fraction)
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp)
            make_project(project, args.places, count)
            stage, occurrences, parts = data_stage(project)
            build, peak = full_build(project)
            print(
                f"{count:>10} {occurrences:>12} {stage:>10.1f}s {parts['load']:>6.1f}s "
                f"{parts['pages']:>5.1f}s {parts['files']:>6.1f}s {build:>7.1f}s {peak:>9.0f}"
            )
            if fraction == 1.0 and not args.no_serve:
                seconds = serve_update(project)
                print(f"mkdocs serve: a change to activities.yml shown after {seconds:.1f} s")


if __name__ == "__main__":
    main()
