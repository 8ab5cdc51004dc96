"""Screenshots of the key pages, on a phone (360 x 780) and a desktop (1280 x 900), in every
language, for reviewing a change as a resident would see it: the first screen of each page,
and the whole page.

    python scripts/screenshots.py [--out screenshots] [--site DIR] [--full] [--changed BASE]

Without --site it builds the site first (with the tests' pinned "today"). With --changed, the
pages a change since BASE (a commit or branch) touches, instead of the key pages: a pull
request's reviewers see exactly what it changes (fedsite/changed_pages.py). It uses Debian's
Chromium through Playwright (CHROMIUM_PATH to use another); nothing is fetched from the
internet. Pull-request reviewers look at the images; none of them is committed but the two
README shows (in .github/readme/)."""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import tempfile
import threading
from pathlib import Path

from fedsite.cli import build_site

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENS = {"phone": (360, 780), "desktop": (1280, 900)}
# The pages a resident uses most, by their path within a language's folder.
PAGES = {
    "home": "",
    "help": "help/",
    "services": "services/",
    "legal-rights": "services/legal-rights/",
    "activities": "activities/",
    "training": "training/",
    "contacts": "contacts/",
    "township": "contacts/longju/",
    "safety": "safety/",
}
LANGUAGES = {"zh": "", "en": "en/"}


def build(site: Path, today: str) -> None:
    if build_site(ROOT, site, today=today, quiet=True).returncode != 0:
        raise SystemExit("the site does not build: run fedsite check")


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def key_pages() -> dict[str, str]:
    """Screenshot name -> site path: the key pages in every language."""
    return {
        f"{name}-{lang}": home + path
        for lang, home in LANGUAGES.items()
        for name, path in PAGES.items()
    }


def changed(base: str, today: str) -> dict[str, str]:
    """Screenshot name -> site path: the pages changed since `base`."""
    import datetime as dt

    from fedsite.changed_pages import changed_files, site_at, touched_pages
    from fedsite.site import Site

    day = dt.date.fromisoformat(today)
    before = site_at(ROOT, base, lambda root: Site.from_folder(root, day))
    pages = touched_pages(changed_files(ROOT, base), before, Site.from_folder(ROOT, day))
    homes = {home for home in LANGUAGES.values() if home}
    return {
        (path + "home" if path in homes or not path else path).strip("/").replace("/", "-"): path
        for path in pages
    }


def shoot(site: Path, out: Path, full: bool, pages: dict[str, str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for screen, (width, height) in SCREENS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in pages.items():
                page.goto(base + path)
                target = out / f"{name}-{screen}.png"
                page.screenshot(path=target, full_page=full)
                written.append(target)
            page.close()
        browser.close()
    server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    parser.add_argument("--changed", metavar="BASE", help="the pages changed since BASE")
    parser.add_argument("--today", default=os.environ.get("SITE_TODAY", "2026-12-01"))
    args = parser.parse_args()
    pages = changed(args.changed, args.today) if args.changed else key_pages()
    print(f"{len(pages)} pages: {', '.join(pages.values()) or 'none'}")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site, args.today)
        written = shoot(site, args.out, args.full, pages)
    print(f"{len(written)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
