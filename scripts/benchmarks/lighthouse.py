"""Lighthouse (mobile) on the home, services and contacts pages in every language.

Builds the site, serves it on 127.0.0.1 with gzip as a production server would, runs npm's
lighthouse 12 in Debian's Chromium, and prints the four category scores and the bytes
transferred, with the machine it ran on. A benchmark, not a test: record its figures in README.

    python scripts/benchmarks/lighthouse.py [--pages / /en/ ...]
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

from fedsite.cli import build_site

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = "lighthouse@12"
PAGES = ["/", "/services/", "/contacts/", "/en/", "/en/services/", "/en/contacts/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it. The standard library's server has no
    compression; this keeps the benchmark free of an nginx install."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file():
            page = Path(self.directory) / "404.html"
            body = page.read_bytes()
            return self._reply(404, body, "text/html; charset=utf-8", accepts)
        if not accepts or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        return self._reply(200, path.read_bytes(), self.guess_type(str(path)), accepts)

    def _reply(self, code: int, body: bytes, ctype: str, compress: bool):
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    chromium = subprocess.run(
        [os.environ.get("CHROME_PATH", "/usr/bin/chromium"), "--version"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {chromium}"


def build(site: Path, url: str) -> None:
    if build_site(ROOT, site, site_url=url, quiet=True).returncode != 0:
        raise SystemExit("the site does not build: run fedsite check")


def lighthouse(url: str, out: Path) -> dict:
    chrome_flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    subprocess.run(
        [
            "npx",
            "--yes",
            LIGHTHOUSE,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={chrome_flags}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
    )
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="+", default=PAGES)
    parser.add_argument("--port", type=int, default=8931)
    args = parser.parse_args()
    if not shutil.which("npx"):
        sys.exit("npx not found: install Node.js and npm (apt-get install nodejs npm)")

    url = f"http://127.0.0.1:{args.port}/"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site, url)
        handler = partial(GzipHandler, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        print(f"Lighthouse 12, mobile emulation, gzip, on {machine()}")
        print(f"{'page':<16}{'perf':>6}{'a11y':>6}{'bp':>6}{'seo':>6}{'KB':>8}  problems")
        try:
            for page in args.pages:
                report = lighthouse(url + page.lstrip("/"), Path(tmp) / "report.json")
                scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
                kb = report["audits"]["total-byte-weight"]["numericValue"] / 1024
                failing = [
                    audit_id
                    for category in CATEGORIES
                    for ref in report["categories"][category]["auditRefs"]
                    if ref["weight"] > 0
                    and (audit_id := ref["id"])
                    and (report["audits"][audit_id]["score"] or 0) < 0.9
                    and report["audits"][audit_id]["scoreDisplayMode"] == "binary"
                ]
                print(
                    f"{page:<16}"
                    + "".join(f"{s:>6}" for s in scores)
                    + f"{kb:>8.0f}  "
                    + " ".join(failing)
                )
        finally:
            httpd.shutdown()


if __name__ == "__main__":
    main()
