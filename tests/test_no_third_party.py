"""Nothing on the site is fetched from another host (Google Fonts and foreign CDNs are blocked
in mainland China, and visitors' privacy matters): scan every built HTML and CSS file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fedsite.audit.static_checks import CSS_URL, external, resource_urls


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
