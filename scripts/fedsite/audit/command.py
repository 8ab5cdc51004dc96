"""The quality walk any site can run on its built pages, as this project's tests do:

    fedsite audit [SITE_DIR] [--axe node_modules/axe-core/axe.min.js] [--chromium PATH]
                  [--lang zh|en] [--no-browser]

Without the browser: images without a text alternative, headings out of order, links and
anchors that lead nowhere, anything fetched from another host. In headless Chromium (through
Playwright, `pip install 'fedsite[audit]'`; Chromium from the system, e.g. Debian's
`chromium`), with axe-core from npm (`npm install axe-core`): axe's WCAG 2.1 A/AA rules on
every page on a phone and on one page of each kind on a desktop and in the dark palette, the
console's errors, files that fail to load, requests to another host, text under 16 px and
sideways scrolling on a phone, and the home page's first Tab stop. Exit code 1 when anything
is found; each finding names the page and the element."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from fedsite.audit.built_pages import html_pages, url_path
from fedsite.audit.static_checks import (
    broken_links,
    heading_problems,
    missing_alt_text,
    third_party,
)
from fedsite.messages.catalogue import languages, say
from fedsite.messages.problems import editor_language

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path("node_modules/axe-core/axe.min.js")


def site_address(site: Path) -> str:
    """The address the site was built for, from its sitemap (links to it are the site's own)."""
    try:
        root = ElementTree.parse(site / "sitemap.xml").getroot()
    except (OSError, ElementTree.ParseError):
        return ""
    loc = next((e.text for e in root.iter() if e.tag.endswith("loc") and e.text), "")
    parts = urlsplit(loc.strip())
    return f"{parts.scheme}://{parts.netloc}/" if parts.netloc else ""


def static_problems(site: Path, site_url: str, language: str) -> list[str]:
    return [
        *missing_alt_text(site, language),
        *heading_problems(site, language),
        *broken_links(site, site_url, language),
        *third_party(site, site_url, language),
    ]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle(self) -> None:
        # A browser that leaves a page (the quick exit does) drops its downloads midway.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # The site's own 404 page (its language's), as a web server is configured to serve it.
        if code == 404:
            root = Path(str(self.directory))
            in_language = root / self.path.lstrip("/").split("/")[0] / "404.html"
            page = in_language if in_language.is_file() else root / "404.html"
            if page.is_file() and not page.is_symlink():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)


@contextlib.contextmanager
def served(site: Path, port: int = 0) -> Iterator[str]:
    """The built site on 127.0.0.1 (`port`, or a free one), as a static web server serves it."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def browser_problems(
    server: str, paths: list[str], axe_source: str, chromium: str, language: str
) -> list[str]:
    from playwright.sync_api import sync_playwright  # fedsite[audit]; cli.py says if missing

    from fedsite.audit.browser_walk import Walk, kinds

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        walk = Walk(browser, server, axe_source, language)
        walk.pages(paths, "phone", "light")
        sample = kinds(paths)
        for screen, scheme in (("phone", "dark"), ("desktop", "light"), ("desktop", "dark")):
            walk.pages(sample, screen, scheme)
        walk.keyboard("/")
        browser.close()
    return walk.problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fedsite audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"))
    parser.add_argument("--axe", type=Path, default=AXE, help="axe-core's axe.min.js")
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument("--lang", choices=languages(), default=editor_language())
    parser.add_argument("--no-browser", action="store_true", help="the file checks only")
    args = parser.parse_args(argv)
    language, site = args.lang, args.site
    if not (site / "index.html").is_file():
        print(say("audit.no_site", language, site=str(site)), file=sys.stderr)
        return 1
    problems = static_problems(site, site_address(site), language)
    pages = [url_path(site, page) for page in html_pages(site)]
    if not args.no_browser:
        missing = [p for p in (args.axe, Path(args.chromium)) if not p.is_file()]
        if missing:
            print(
                say("audit.missing_tool", language, paths=[str(p) for p in missing]),
                file=sys.stderr,
            )
            return 1
        with served(site) as server:
            problems += browser_problems(
                server, pages, args.axe.read_text(encoding="utf-8"), args.chromium, language
            )
    for problem in dict.fromkeys(problems):
        print(f"  {problem}")
    print(
        say(
            "audit.failed_summary" if problems else "audit.passed",
            language,
            count=len(pages),
            problems=len(set(problems)),
        )
    )
    return 1 if problems else 0
