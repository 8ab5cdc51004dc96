"""`fedsite icons`: a site's home-screen icons (docs/assets/icons/*.png) from its favicon (the
SVG data/identity.yml names): 192 and 512 px as it is, and a 512 px "maskable" one whose symbol
stays inside the circle a phone may cut it to. Run it after changing the favicon, and commit the
PNGs (a build needs no browser):

    fedsite icons [--root .]

It draws them in Chromium through Playwright (`pip install playwright`, and Debian's chromium:
CHROMIUM_PATH to use another browser)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import yaml

from fedsite.offline.manifest import ICONS

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def maskable(svg: str) -> str:
    """The background to the edges, the symbol scaled into the middle 60%."""
    found = re.search(r'fill="(#[0-9a-fA-F]{3,6})"', svg)
    background = found[1] if found else "#ffffff"
    inner = re.sub(r"^<svg[^>]*>|</svg>$", "", svg.strip())
    symbol = re.sub(r"<rect[^>]*/>", "", inner, count=1)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        f'<rect width="24" height="24" fill="{background}"/>'
        f'<g transform="translate(12 12) scale(0.62) translate(-12 -12)">{symbol}</g></svg>'
    )


def make_icons(svg: str, folder: Path) -> None:
    """The three PNGs of `svg` into `folder` (what the manifest lists: offline/manifest.py)."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for path, sizes, purpose in ICONS:
            size = int(sizes.split("x")[0])
            page = browser.new_page(viewport={"width": size, "height": size})
            source = maskable(svg) if purpose == "maskable" else svg
            page.set_content(
                f"<style>html,body{{margin:0;background:transparent}}svg{{display:block;"
                f"width:{size}px;height:{size}px}}</style>{source}"
            )
            page.screenshot(path=folder / Path(path).name, omit_background=True)
            page.close()
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fedsite icons", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the site's folder")
    args = parser.parse_args(argv)
    identity = yaml.safe_load((args.root / "data/identity.yml").read_text("utf-8"))
    favicon = args.root / "docs" / identity["favicon"]
    if favicon.suffix != ".svg":
        print(f"{favicon}: the icons are made from an SVG favicon", file=sys.stderr)
        return 1
    try:
        make_icons(favicon.read_text("utf-8"), args.root / "docs" / Path(ICONS[0][0]).parent)
    except ImportError:
        print("fedsite icons needs Playwright: pip install playwright", file=sys.stderr)
        return 1
    print(f"icons written to docs/{Path(ICONS[0][0]).parent}")
    return 0
