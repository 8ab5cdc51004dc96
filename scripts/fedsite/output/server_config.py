"""What the build writes for the web server, beside the Content-Security-Policy header
(csp.nginx_header): the pages never stored, as nginx maps (deploy/nginx/maps.conf includes
them), so the server sends them `Cache-Control: no-store`, whatever the address asked for
(nginx matches the decoded, normalised path: /%73afety//index.html is /safety/index.html)."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

NO_STORE = "no-store"


def request_paths(pages: Iterable[str], site_url: str) -> list[str]:
    """The paths a server sees for the pages at these site paths ('en/help/'): the folder and
    its index.html, under the site's own path."""
    root = urlsplit(site_url).path or "/"
    root = root if root.endswith("/") else root + "/"
    paths = []
    for page in sorted(set(pages)):
        folder = root + page
        paths += [folder, folder + "index.html"] if folder.endswith("/") else [folder]
    return paths


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def nginx_never_stored(pages: Iterable[str], site_url: str) -> str:
    """The maps that give each page never stored 'no-store' ($fedsite_never_stored) and no
    Expires header of its own ($fedsite_page_expires 'off'; other pages '-1', always asked
    again)."""
    paths = request_paths(pages, site_url)
    never = "".join(f"    {_quoted(path)} {NO_STORE};\n" for path in paths)
    expires = "".join(f"    {_quoted(path)} off;\n" for path in paths)
    return (
        "# Written by the build: the pages never stored (sensitive: true).\n"
        f'map $uri $fedsite_never_stored {{\n    default "";\n{never}}}\n'
        f"map $uri $fedsite_page_expires {{\n    default -1;\n{expires}}}\n"
    )
