"""What a build writes besides its pages, once every language is built: each language's feeds,
vCards, posters, 404 page, web app manifest, sitemap and search index, and the service worker
and the web server's policy header."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fedsite import paths
from fedsite.offline.manifest import FILE_NAME as MANIFEST
from fedsite.offline.manifest import manifest
from fedsite.offline.service_worker import FILE_NAME as SERVICE_WORKER
from fedsite.offline.service_worker import service_worker
from fedsite.output.server_config import nginx_never_stored
from fedsite.output.sitemap import SitemapEntry, write_sitemap
from fedsite.search.index import INDEX as SEARCH_INDEX
from fedsite.search.index import split_index, to_json

if TYPE_CHECKING:
    from fedsite.site import Site

SERVER_FOLDER = ".deploy"  # what the build writes for the web server (never served)
NEVER_STORED = "never-stored.json"  # in it: the site paths of the pages never stored


def write_outputs(
    site: Site,
    site_dir: Path,
    files: Mapping[str, Mapping[str, bytes]] | None,
    sitemap: list[SitemapEntry],
    not_found: Mapping[str, str],
    never_stored: Sequence[str] = (),
    server_policy: str = "",
) -> None:
    """Into the built site, for every language into its own folder: the feeds, vCards and
    posters (`files`: locale -> path -> bytes, as `site.files` makes them; None: made now),
    the 404 page (`not_found`: locale -> HTML), the web app manifest and the sitemap. The
    root sitemap lists every language; each language folder gets its own, as a sitemap may
    only list URLs under its folder (and Material's JavaScript fetches /en/sitemap.xml).
    Last, as it reads the built pages: the service worker, which never stores the pages
    at `never_stored` (site paths of the pages with `sensitive: true`). For the web server,
    not for visitors: `server_policy`, the Content-Security-Policy header of every page, in
    .deploy/ (deploy/nginx/site.conf includes it), and the pages never stored, as nginx maps
    (maps.conf includes them) and as a list (for fedsite-deploy-s3)."""
    for lang in site.languages:
        folder = site_dir / lang.home
        ui = site.ui[lang.locale]
        (folder / MANIFEST).write_bytes(
            manifest(
                home=lang.home,
                lang_tag=lang.tag,
                name=ui["app_name"],
                short_name=ui["site_short_name"],
                description=ui["app_description"],
                colour=site.identity.colour,
            )
        )
        made = files[lang.locale] if files is not None else site.files(lang.locale)
        for path, data in made.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(data)
        if lang.locale in not_found:
            (folder / "404.html").write_text(not_found[lang.locale], encoding="utf-8")
        if lang is not site.default:
            prefix = paths.absolute(site.site_url, lang.home)
            write_sitemap(folder, [e for e in sitemap if e.url.startswith(prefix)])
    write_sitemap(site_dir, sitemap)
    server = site_dir / SERVER_FOLDER
    server.mkdir(exist_ok=True)
    if server_policy:
        (server / "nginx-csp.conf").write_text(server_policy)
    (server / "nginx-pages.conf").write_text(nginx_never_stored(never_stored, site.site_url))
    # For fedsite-deploy-s3, which gives these objects the same headers.
    (server / NEVER_STORED).write_text(json.dumps(sorted(set(never_stored))))
    if not site.preview:  # a worker would keep `mkdocs serve`'s pages from reloading
        homes = [lang.home for lang in site.languages]
        worker = service_worker(site_dir, homes, site.settings.offline, never_stored)
        (site_dir / SERVICE_WORKER).write_bytes(worker)


def write_search_indexes(
    site: Site, site_dir: Path, *, fallbacks: Sequence[str], lunr_languages: Sequence[str]
) -> None:
    """Material's one index for all languages, split into one per language folder, with
    the words people type (data/search.yml); `fallbacks`: URLs of pages showing another
    language's text, left out."""
    if not (site_dir / SEARCH_INDEX).is_file():  # a site without the search plugin
        return
    index = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    indexes = split_index(
        index,
        {lang.home: lang.locale for lang in site.languages},
        fallbacks=set(fallbacks),
        synonyms=site.data.search.synonyms,
        lunr_languages=lunr_languages,
    )
    for home, language_index in indexes.items():
        (site_dir / home / SEARCH_INDEX).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / home / SEARCH_INDEX).write_bytes(to_json(language_index))
