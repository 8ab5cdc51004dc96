"""The service worker the build writes to the site's root (sw.js): worker.js after one line that
sets its CONFIG: what to precache (the core pages of every language, the offline pages, and the
stylesheets, scripts and images those pages use, read from the built pages themselves), the
pages never to store (`sensitive: true`), each language's offline page, and a version that is a
hash of all of it, so that every deploy that changes any of it installs afresh."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from fedsite.model import OfflineSettings

WORKER = Path(__file__).with_name("worker.js")
OFFLINE_PAGE = "offline/"  # in every language's folder: docs/offline.md, offline.en.md
FILE_NAME = "sw.js"


class _Assets(HTMLParser):
    """The stylesheets, scripts and images a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and (a.get("rel") or "") in ("stylesheet", "icon"):
            self.found.append(a.get("href") or "")
        elif tag in ("script", "img"):
            self.found.append(a.get("src") or "")


def page_assets(site_dir: Path, page: str) -> set[str]:
    """Site paths of the files of the site the built page at `page` ('en/contacts/') loads."""
    parser = _Assets()
    parser.feed((site_dir / page / "index.html").read_text(encoding="utf-8"))
    found = set()
    for ref in parser.found:
        parts = urlsplit(ref)
        if not ref or parts.scheme or parts.netloc or ref.startswith("/"):
            continue  # absolute: another site (none, by policy), or a data: image
        path = posixpath.normpath(posixpath.join(page, parts.path))
        if not path.startswith("..") and (site_dir / path).is_file():
            found.add(path)
    return found


def precache(
    site_dir: Path, homes: Sequence[str], settings: OfflineSettings, never: Iterable[str] = ()
) -> list[str]:
    """The pages of every language (by their site paths), then the files they use. A page on
    `never` is left out even if the settings name it."""
    left_out = set(never)
    pages = [
        home + page
        for home in homes
        for page in (*settings.pages, OFFLINE_PAGE)
        if home + page not in left_out
    ]
    assets = set().union(*(page_assets(site_dir, page) for page in pages))
    return pages + sorted(assets)


def service_worker(
    site_dir: Path, homes: Sequence[str], settings: OfflineSettings, never: Iterable[str]
) -> bytes:
    """sw.js for the built site in `site_dir`; `homes` are the languages' folders ('', 'en/'),
    `never` the site paths of the pages never to store."""
    never = sorted(set(never))
    files = precache(site_dir, homes, settings, never)
    digest = hashlib.sha256(WORKER.read_bytes())
    for path in files:
        target = (
            site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path
        )
        digest.update(path.encode() + b"\0" + target.read_bytes())
    config = {
        "precache": files,
        "never": never,
        "offline": {home: home + OFFLINE_PAGE for home in homes},
        "timeout": settings.timeout_ms,
        "max_pages": settings.max_pages,
        "max_files": settings.max_files,
    }
    digest.update(json.dumps(config, sort_keys=True).encode())
    config["version"] = digest.hexdigest()[:16]
    # JSON is JavaScript; ensure_ascii keeps U+2028 and anything else unusual out of the file.
    head = "const CONFIG = " + json.dumps(config, sort_keys=True, ensure_ascii=True) + ";\n"
    return (head + WORKER.read_text(encoding="utf-8")).encode("utf-8")


def missing_pages(docs_dir: Path, settings: OfflineSettings) -> list[str]:
    """The pages in extra.offline.pages that have no Markdown file (in the default language)."""
    missing = []
    for page in (*settings.pages, OFFLINE_PAGE):
        stem = page.rstrip("/")
        candidates = [f"{stem}/index.md" if stem else "index.md", f"{stem}.md"]
        if not any((docs_dir / c).is_file() for c in candidates if c != ".md"):
            missing.append(page)
    return missing


def base_href(page_url: str, site_url: str, homes: Sequence[str]) -> str | None:
    """For a language's offline page: the address its links are relative to. The worker shows
    the page at any address she asked for ('/en/a/b/c/'), where its relative links to
    stylesheets would lead nowhere; a <base> makes them resolve from the page's own folder."""
    if page_url not in {home + OFFLINE_PAGE for home in homes}:
        return None
    root = urlsplit(site_url).path or "/"
    return (root if root.endswith("/") else root + "/") + page_url


def with_base(html: str, href: str) -> str:
    """The page with <base href> right after its Content-Security-Policy (before any link)."""
    tag = f'<base href="{escape(href, quote=True)}">'
    policy = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', html)
    at = policy.end() if policy else html.index("<head>") + len("<head>")
    return html[:at] + tag + html[at:]
