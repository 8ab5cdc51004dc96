"""Sitemaps listing each language's URLs with their alternates and x-default.

static-i18n's own sitemap has no x-default and is written only at the root.
"""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fedsite.localization.languages import Alternate

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # absolute
    updated: dt.date
    alternates: tuple[Alternate, ...]  # including itself and x-default


def sitemap_xml(entries: Iterable[SitemapEntry]) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in sorted(entries, key=lambda e: e.url):
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = entry.url
        ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry.updated.isoformat()
        for alt in entry.alternates:
            ET.SubElement(
                url,
                f"{{{XHTML_NS}}}link",
                {"rel": "alternate", "hreflang": alt.tag, "href": alt.url},
            )
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def write_sitemap(folder: Path, entries: Iterable[SitemapEntry]) -> None:
    """Write sitemap.xml and sitemap.xml.gz (mtime 0, so the same pages give the same bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = sitemap_xml(entries)
    (folder / "sitemap.xml").write_bytes(data)
    (folder / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))
