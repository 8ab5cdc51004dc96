"""Make the home-screen icons (docs/assets/icons/*.png) from the favicon, docs/assets/favicon.svg:
192 and 512 px as it is, and a 512 px "maskable" one whose symbol stays inside the circle a
phone may cut it to. Run it after changing the favicon, and commit the PNGs (a build needs no
browser):

    python scripts/make_icons.py

It draws them in Debian's Chromium through Playwright (CHROMIUM_PATH to use another)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "docs/assets/favicon.svg"
OUT = ROOT / "docs/assets/icons"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def maskable(svg: str) -> str:
    """The background to the edges, the symbol scaled into the middle 60%."""
    background = re.search(r'fill="(#[0-9a-fA-F]{3,6})"', svg)[1]
    inner = re.sub(r"^<svg[^>]*>|</svg>$", "", svg.strip())
    symbol = re.sub(r"<rect[^>]*/>", "", inner, count=1)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        f'<rect width="24" height="24" fill="{background}"/>'
        f'<g transform="translate(12 12) scale(0.62) translate(-12 -12)">{symbol}</g></svg>'
    )


def main() -> None:
    svg = SOURCE.read_text(encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for name, size, source in (
            ("icon-192.png", 192, svg),
            ("icon-512.png", 512, svg),
            ("maskable-512.png", 512, maskable(svg)),
        ):
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f"<style>html,body{{margin:0;background:transparent}}svg{{display:block;"
                f"width:{size}px;height:{size}px}}</style>{source}"
            )
            page.screenshot(path=OUT / name, omit_background=True)
            page.close()
        browser.close()
    print(f"icons written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
