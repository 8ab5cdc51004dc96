"""The Content-Security-Policy every page carries: scripts only from the site itself, plus the
theme's few inline scripts by the SHA-256 hash of their text. Anything else that manages to
reach a page (an editor's raw <script> in Markdown, an onclick attribute, a javascript: link,
which the build also stops on: pages/active_content.py) is not run by the browser.

The hashes are of the scripts the theme's templates write (computed at build time, per page:
one of them holds the page's relative base URL), never of what a built page happens to contain,
so markup that slipped into a page cannot allow itself."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

# Script types a browser runs; JSON-LD and Material's JSON settings are data, not code.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}

# frame-ancestors, report-uri and sandbox are ignored in a <meta> policy (with a console error
# for frame-ancestors): they belong in a server's header only.
_META_POLICY = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    # Stylesheets of the site only: no <style> element and no style attribute in a page applies
    # (one in a search result could hide the quick exit). Material's templates write neither
    # with `font: false` and no `.icons/logo.svg`; its JavaScript sets styles through the CSSOM
    # (element.style), which CSP does not govern. Chromium reports no refusal while searching,
    # with the menu open or with the display settings (tests/test_quick_exit.py).
    "style-src 'self'",
    # Material's CSS draws its icons from data: URLs.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
HEADER_ONLY = ("frame-ancestors 'none'",)


# Where the theme keeps the partials that write inline scripts (Material 9.x: base, palette,
# content, announce, outdated, consent): every one of them is hashed, whether or not a page
# includes it, so that turning on an announcement bar or a consent banner keeps it running.
THEME_SCRIPT_FOLDER = "partials/javascripts/"


def script_partials(env: Environment) -> list[str]:
    """The names of the theme's script partials, in every folder the environment loads from.
    Only their folder is listed: the theme's templates include some 10,000 icons, and listing
    them all (`env.list_templates()`) took a third of a second a language."""
    loader = env.loader
    if not isinstance(loader, FileSystemLoader):
        return [name for name in env.list_templates() if name.startswith(THEME_SCRIPT_FOLDER)]
    names: set[str] = set()
    for folder in loader.searchpath:
        base = Path(folder)
        partials = base / THEME_SCRIPT_FOLDER
        if partials.is_dir():
            names.update(p.relative_to(base).as_posix() for p in partials.rglob("*") if p.is_file())
    return sorted(names)


def theme_scripts(render: Callable[[str], str], templates: Iterable[str]) -> list[str]:
    """The inline scripts of a page whose theme partials `render(name)` gives, with the page's
    own context (one of them holds the page's relative base URL, so each page has its own);
    `templates` are the names of all the theme's templates."""
    partials = sorted(name for name in templates if name.startswith(THEME_SCRIPT_FOLDER))
    return [script for name in partials for script in inline_scripts(render(name))]


def nginx_header(inline_scripts: Iterable[str]) -> str:
    """An nginx directive sending, as a header, the policy that allows the inline scripts of
    every page (a server cannot tell them apart), with what only a header can say."""
    return f'add_header Content-Security-Policy "{policy(inline_scripts, header=True)}" always;\n'


def script_hash(script: str) -> str:
    """The CSP source expression for an inline script's exact text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(inline_scripts: Iterable[str], *, header: bool = False, nonce: str = "") -> str:
    """The policy allowing the site's own files and exactly these inline scripts (and, for
    the preview's reload script, the one that carries `nonce`)."""
    hashes = " ".join(sorted({script_hash(s) for s in inline_scripts}))
    hashes += f" 'nonce-{nonce}'" if nonce else ""
    directives = [d.format(hashes=hashes).strip() for d in _META_POLICY]
    if header:
        directives += HEADER_ONLY
    return "; ".join(directives)


def poster_policy() -> str:
    """For the printable posters: a stylesheet of the site's and nothing else, no scripts."""
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'none'",
            "style-src 'self'",
            "img-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def preview_nonce() -> str:
    """For `mkdocs serve`, once per preview: the nonce its live-reload script is given (that
    script is inline and changes on every page served, so no hash can name it). Pages are
    otherwise held to the built site's policy."""
    return secrets.token_urlsafe(18)


def with_nonce(html: bytes, at: int, nonce: str) -> bytes:
    """`html` with the `<script>` that starts at `at` (the one the preview server added)
    carrying `nonce`."""
    tag = b"<script>"
    if html[at : at + len(tag)] != tag:
        return html
    return html[:at] + f'<script nonce="{nonce}">'.encode() + html[at + len(tag) :]


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values:
            kind = (values.get("type") or "").strip().lower()
            self._current = [] if kind in _EXECUTABLE else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.inline.append("".join(self._current))
            self._current = None


_SCRIPT_START = re.compile(r"<script\b", re.I)
_SCRIPT_END = re.compile(r"</script\s*>", re.I)


def inline_scripts(html: str) -> list[str]:
    """The exact text of every inline script a browser would run, in page order. Only the
    script elements are parsed, not the whole page (a page is some 50 KB, its scripts a few
    hundred bytes; a script commented out counts too, which errs on the safe side)."""
    found = []
    for start in _SCRIPT_START.finditer(html):
        end = _SCRIPT_END.search(html, start.end())
        parser = _Scripts()
        parser.feed(html[start.start() : end.end() if end else len(html)])
        parser.close()
        found += parser.inline
    return found
