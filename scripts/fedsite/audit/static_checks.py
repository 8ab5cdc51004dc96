"""Checks over a built site's files, each problem naming the page and the element, in the
language asked for (the catalogue's): images without a text alternative, headings out of
order, links and anchors that lead nowhere, anything fetched from another host."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from fedsite.audit.built_pages import file_for, html_pages, soup, url_path
from fedsite.messages.catalogue import say


def _attr(element: Any, name: str) -> str:
    """An attribute's value as text (bs4 gives a multi-valued one, class or rel, as a list)."""
    value = element.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def describe(element) -> str:
    """A short, recognisable rendering of an element: <img src="x.png">."""
    attrs = " ".join(
        f'{k}="{v if isinstance(v, str) else " ".join(v)}"'
        for k, v in element.attrs.items()
        if k in ("id", "src", "href", "alt", "class")
    )
    text = element.get_text(" ", strip=True)[:40]
    return f"<{element.name}{' ' + attrs if attrs else ''}>{text}"


def missing_alt_text(site: Path, language: str = "en") -> list[str]:
    """Content images need a text alternative. Markdown's ![](x.png) gives alt="", which axe
    accepts as decorative; an editor marks a truly decorative image with { role=presentation }."""
    problems = []
    for page in html_pages(site):
        for img in soup(page).select("article img"):
            decorative = img.get("role") in ("presentation", "none") or img.get("aria-hidden")
            if not decorative and not _attr(img, "alt").strip():
                where = url_path(site, page)
                problems.append(say("audit.no_alt", language, page=where, element=describe(img)))
    return problems


def heading_problems(site: Path, language: str = "en") -> list[str]:
    """One h1 per page, and no level skipped on the way down (h2 then h4)."""
    problems = []
    for page in html_pages(site):
        where = url_path(site, page)
        headings = soup(page).select("article :is(h1, h2, h3, h4, h5, h6)")
        h1s = [h for h in headings if h.name == "h1"]
        if len(h1s) != 1:
            problems.append(say("audit.h1_count", language, page=where, count=str(len(h1s))))
        previous = 1
        for heading in headings:
            level = int(heading.name[1])
            if level > previous + 1:
                problems.append(
                    say(
                        "audit.skipped_level",
                        language,
                        page=where,
                        element=describe(heading),
                        previous=str(previous),
                        next=str(previous + 1),
                    )
                )
            previous = level
    return problems


LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


def broken_links(site: Path, site_url: str, language: str = "en") -> list[str]:
    """Every link and resource on the site, in every language, leads to a file, and every
    #anchor to an element with that id."""
    site_host = urlsplit(site_url).netloc
    ids: dict[Path, set[str]] = {}
    problems = []
    for page in [*html_pages(site), *site.rglob("404.html")]:
        base = "http://site" + url_path(site, page)
        where = url_path(site, page)
        for name, attr in LINKING.items():
            for element in soup(page).find_all(name):
                href = _attr(element, attr)
                if not href or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
                    continue
                target = urlsplit(urljoin(base, href))
                if target.netloc not in ("site", site_host):
                    continue  # links to other sites are for people; no fetch happens
                path = unquote(target.path)
                file = file_for(site, path)
                if not file.is_file():
                    said = say(
                        "audit.leads_nowhere", language, page=where, element=describe(element)
                    )
                    problems.append(said)
                    continue
                if target.fragment and file.suffix == ".html":
                    if file not in ids:
                        ids[file] = {_attr(e, "id") for e in soup(file).select("[id]")}
                    if unquote(target.fragment) not in ids[file]:
                        said = say(
                            "audit.no_anchor",
                            language,
                            page=where,
                            element=describe(element),
                            anchor=unquote(target.fragment),
                            path=path,
                        )
                        problems.append(said)
    return problems


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
    """What a page makes the browser fetch: scripts, images, stylesheets, fonts..."""
    doc = BeautifulSoup(html, "lxml")
    urls = []
    for tag, attrs in RESOURCE_ATTRS.items():
        for el in doc.find_all(tag):
            for attr in attrs:
                if value := _attr(el, attr):
                    urls += [part.split()[0] for part in value.split(",") if part.split()]
    for link in doc.find_all("link"):
        if FETCHING_LINK_RELS & set(_attr(link, "rel").split()) and _attr(link, "href"):
            urls.append(_attr(link, "href"))
    for style in [*doc.find_all("style"), *doc.select("[style]")]:
        text = style.string if style.name == "style" else _attr(style, "style")
        urls += CSS_URL.findall(text or "")
    return urls


def third_party(site: Path, site_url: str, language: str = "en") -> list[str]:
    """Anything an HTML page or a stylesheet of the site fetches from another host (Google
    Fonts and foreign CDNs are blocked in mainland China, and visitors' privacy matters)."""
    host = urlsplit(site_url).netloc
    problems = []
    for file in sorted([*site.rglob("*.html"), *site.rglob("*.css")]):
        if file.is_symlink():
            continue
        text = file.read_text(encoding="utf-8")
        urls = resource_urls(text) if file.suffix == ".html" else CSS_URL.findall(text)
        where = "/" + file.relative_to(site).as_posix()
        for url in urls:
            if external(url, host):
                problems.append(say("audit.third_party", language, page=where, url=url))
    return problems
