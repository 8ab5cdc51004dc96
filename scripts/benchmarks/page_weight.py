"""What a phone downloads: the home page's first load, a repeat visit, the service worker's
precache per language, and the contacts page opened offline, measured against nginx with
deploy/nginx/fedsite.conf (as production serves it) in Debian's Chromium at 360 px.

    python scripts/benchmarks/page_weight.py [--pages / /en/] [--runs 5]

Bytes are what nginx sent (headers and compressed body, its $bytes_sent), so they are what
crossed the network. "Before first render" counts the page's own requests that ended before
its first contentful paint. Targets: first render at most 60 KiB, a repeat visit at most 5 KiB
and no asset bytes, zero third-party requests, contacts offline in under 200 ms.

A benchmark, not a test: it prints figures with the machine and its load; record them in
README from a quiet machine."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from fedsite.cli import build_site

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from nginx import nginx  # noqa: E402  (the tests' runner of the shipped nginx config)

TODAY = "2026-12-01"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(site: Path, site_url: str) -> None:
    if build_site(ROOT, site, today=TODAY, site_url=site_url, quiet=True).returncode != 0:
        raise SystemExit("the site does not build: run fedsite check")


class Log:
    """nginx's access log: lines of path, status, bytes sent, Sec-Fetch-Dest."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.start = 0

    def mark(self) -> None:
        self.start = self.path.stat().st_size if self.path.exists() else 0

    def since_mark(self) -> list[tuple[str, int, int, str]]:
        time.sleep(0.3)  # nginx writes its log line after the response
        with self.path.open(encoding="utf-8") as log:
            log.seek(self.start)
            rows = [line.split() for line in log if line.strip()]
        return [(row[0], int(row[1]), int(row[2]), row[3] if len(row) > 3 else "-") for row in rows]


def kib(size: float) -> str:
    return f"{size / 1024:.1f} KiB"


def first_load(browser, server: str, path: str, log: Log) -> dict:
    """A first visit with nothing cached, without the service worker's own downloads."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    others = []
    page.on("request", lambda r: others.append(r.url) if not r.url.startswith(server) else None)
    log.mark()
    page.goto(server + path.lstrip("/"), wait_until="load")
    page.wait_for_load_state("networkidle")
    timing = page.evaluate(
        """() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          return {fcp: paint ? paint.startTime : NaN, before: performance
            .getEntriesByType('resource').filter(e => e.renderBlockingStatus === 'blocking')
            .map(e => new URL(e.name).pathname)};
        }"""
    )
    rows = log.since_mark()
    context.close()
    sizes = {row[0].split("?")[0]: row[2] for row in rows}
    before = sizes.get(path, 0) + sum(sizes.get(name, 0) for name in timing["before"])
    return {
        "requests": len(rows),
        "bytes": sum(row[2] for row in rows),
        "before_render": before,
        "render_requests": 1 + len(timing["before"]),
        "fcp_ms": timing["fcp"],
        "third_party": others,
        "largest": sorted(rows, key=lambda row: -row[2])[:4],
    }


def with_worker(browser, server: str, path: str, log: Log) -> dict:
    """The first visit with the worker, a repeat visit, and contacts offline."""
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    log.mark()
    page.goto(server + path.lstrip("/"))
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    installed = log.since_mark()

    log.mark()
    page.goto(server + path.lstrip("/"))
    page.wait_for_load_state("networkidle")
    repeat = log.since_mark()

    contacts = path.rstrip("/") + "/contacts/"
    context.set_offline(True)
    durations = []
    for _ in range(5):
        page.goto(server + contacts.lstrip("/"))
        durations.append(
            page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        )
    context.close()
    pages = [row for row in repeat if row[0].split("?")[0].endswith(("/", ".html"))]
    return {
        "install_bytes": sum(row[2] for row in installed),
        "install_requests": len(installed),
        "repeat_bytes": sum(row[2] for row in repeat),
        "repeat_requests": len(repeat),
        "repeat_asset_bytes": sum(row[2] for row in repeat if row not in pages),
        "repeat_rows": repeat,
        "offline_ms": statistics.median(durations),
    }


def precache_per_language(server: str, site: Path) -> dict[str, tuple[int, int]]:
    """Files and compressed bytes the worker stores, by language (shared assets counted in
    each: a visitor of one language downloads them too)."""
    import json

    first = (site / "sw.js").read_text(encoding="utf-8").split("\n", 1)[0]
    config = json.loads(first.removeprefix("const CONFIG = ").removesuffix(";"))
    languages = {""} | {p.split("/")[0] + "/" for p in config["precache"] if p.count("/") > 1}
    sizes = {}
    for entry in config["precache"]:
        request = urllib.request.Request(server + entry, headers={"Accept-Encoding": "br, gzip"})
        with urllib.request.urlopen(request) as response:
            sizes[entry] = len(response.read()) + len(str(response.headers))
    result = {}
    prefixes = sorted(p for p in languages if p and len(p) <= 6 and not p.startswith("assets"))
    for language in ["", *prefixes]:
        mine = [
            entry
            for entry, size in sizes.items()
            if (entry.startswith(language) if language else not entry.startswith(tuple(prefixes)))
            or entry.startswith(("assets/", "sw.js"))
        ]
        result[language or "(default)"] = (len(mine), sum(sizes[entry] for entry in mine))
    return result


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{platform.node()}: {model}, {os.cpu_count()} cores, load {load}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", nargs="+", default=["/", "/en/"])
    parser.add_argument("--runs", type=int, default=3, help="first loads per page (median)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(machine())
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="weight-") as folder:
        site, log_path = Path(folder) / "site", Path(folder) / "access.log"
        server = f"http://127.0.0.1:{port}/"
        build(site, server)
        with nginx(site, port, access_log=log_path), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            print(f"Chromium {browser.version}, viewport {PHONE['width']} px, nginx with brotli")
            log = Log(log_path)
            for path in args.pages:
                loads = [first_load(browser, server, path, log) for _ in range(args.runs)]
                load = loads[len(loads) // 2]
                worker = with_worker(browser, server, path, log)
                print(f"\n{path}")
                print(
                    f"  first load: {kib(load['bytes'])} in {load['requests']} requests; "
                    f"before first render {kib(load['before_render'])} in "
                    f"{load['render_requests']} requests (FCP {load['fcp_ms']:.0f} ms); "
                    f"third-party requests: {len(load['third_party'])}"
                )
                print("  largest: " + ", ".join(f"{r[0]} {kib(r[2])}" for r in load["largest"]))
                print(
                    f"  with the worker: {kib(worker['install_bytes'])} in "
                    f"{worker['install_requests']} requests (page and precache)"
                )
                print(
                    f"  repeat visit: {kib(worker['repeat_bytes'])} in "
                    f"{worker['repeat_requests']} requests, asset bytes "
                    f"{worker['repeat_asset_bytes']} "
                    f"({', '.join(f'{r[0]} {r[1]}' for r in worker['repeat_rows'])})"
                )
                print(f"  contacts offline: {worker['offline_ms']:.0f} ms (median of 5)")
            print("\nsearch index per language (loaded when search is opened):")
            for home in ("", *(p.strip("/") + "/" for p in args.pages if p.strip("/"))):
                url = f"{server}{home}search/search_index.json"
                raw = (site / home / "search/search_index.json").stat().st_size
                request = urllib.request.Request(url, headers={"Accept-Encoding": "br"})
                with urllib.request.urlopen(request) as response:
                    sent = len(response.read())
                print(f"  {home or '(default)'}: {kib(raw)}, {kib(sent)} with brotli")
            print("\nprecache per language (files, compressed):")
            for language, (files, size) in precache_per_language(server, site).items():
                print(f"  {language}: {files} files, {kib(size)}")
            browser.close()
    print(f"\nhost: {urlsplit(server).netloc}; load at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
