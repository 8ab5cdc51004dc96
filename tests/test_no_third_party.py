"""Nothing on the site is fetched from another host (Google Fonts and foreign CDNs are blocked
in mainland China, and visitors' privacy matters): scan every built HTML and CSS file."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

# Elements and attributes that make a browser fetch something (links for people are fine).
RESOURCE_ATTRS = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "track": ["src"],
    "input": ["src"],
}
FETCHING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def external(url: str, site_host: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.netloc != site_host


def resource_urls(html: str) -> list[str]:
    doc = BeautifulSoup(html, "lxml")
    urls = []
    for tag, attrs in RESOURCE_ATTRS.items():
        for el in doc.find_all(tag):
            for attr in attrs:
                if el.get(attr):
                    urls += [part.split()[0] for part in el[attr].split(",")]
    for link in doc.find_all("link"):
        if FETCHING_LINK_RELS & set(link.get("rel", [])) and link.get("href"):
            urls.append(link["href"])
    for style in [*doc.find_all("style"), *doc.select("[style]")]:
        text = style.string if style.name == "style" else style["style"]
        urls += CSS_URL.findall(text or "")
    return urls


def test_no_html_page_loads_anything_from_another_host(site: Path, site_url: str) -> None:
    host = urlsplit(site_url).netloc
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    offenders = {
        str(page.relative_to(site)): bad
        for page in pages
        if (bad := [u for u in resource_urls(page.read_text("utf-8")) if external(u, host)])
    }
    assert offenders == {}


def test_no_stylesheet_loads_anything_from_another_host(site: Path, site_url: str) -> None:
    host = urlsplit(site_url).netloc
    sheets = list(site.rglob("*.css"))
    assert sheets
    offenders = {
        str(sheet.relative_to(site)): bad
        for sheet in sheets
        if (bad := [u for u in CSS_URL.findall(sheet.read_text("utf-8")) if external(u, host)])
    }
    assert offenders == {}


def test_the_scanner_sees_what_material_would_load_with_default_fonts() -> None:
    # Material's output with theme.font left on: the scan must catch it.
    html = (
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="https://cdn.jsdelivr.net/x.js"></script>'
        "<style>@import 'https://unpkg.com/a.css';</style>"
    )
    assert all(external(u, "127.0.0.1:8000") for u in resource_urls(html))
    assert len(resource_urls(html)) == 4
