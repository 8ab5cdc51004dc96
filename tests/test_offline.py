"""Offline on a phone, and served for real, against nginx with deploy/nginx/fedsite.conf: the
service worker keeps the core pages of every language and the pages she visited, shows the
offline page in her language for the rest (styled at any depth), never keeps a sensitive page,
and a redeploy reaches her on her next visit. The server sends the right types, caching,
compression and security headers; every asset has a content hash in its name; each language
has a manifest with its icons; the 404 pages' links work at a domain root and under a path."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from urllib.error import HTTPError

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, edit, free_port, mkdocs_build, serve
from fedsite import resources
from nginx import nginx
from pages import LANGUAGES, html_pages, resolve, soup, url_path
from PIL import Image

PHONE = {"width": 360, "height": 740}
HOMES = list(LANGUAGES.values())


def worker_config(site: Path) -> dict:
    first = (site / "sw.js").read_text(encoding="utf-8").split("\n", 1)[0]
    return json.loads(first.removeprefix("const CONFIG = ").removesuffix(";"))


def precached_pages(site: Path) -> list[str]:
    return [p for p in worker_config(site)["precache"] if p == "" or p.endswith("/")]


def heading(site: Path, path: str) -> str:
    return soup(site / path / "index.html").select_one("h1").get_text(strip=True)


def controlled_context(browser, server: str):
    """A phone whose first visit has installed the worker and put the page under it."""
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    page.goto(server)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    return context, page


def wait_for_caches(page, version: str) -> None:
    """Until the worker of this version has installed and removed the old one's caches."""
    for _ in range(150):
        names = page.evaluate("caches.keys()")
        if names and all(name.endswith(version) for name in names):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"caches {names} are not all of version {version}")


def open_offline(page, url: str) -> str:
    page.goto(url)
    return page.locator("h1").first.inner_text().strip()


# -- The worker -----------------------------------------------------------------------------


def test_worker_precaches_the_core_pages_of_every_language(site: Path) -> None:
    config = worker_config(site)
    pages = precached_pages(site)
    for home in HOMES:
        for core in ("", "services/", "contacts/", "activities/", "training/", "offline/"):
            assert home + core in pages
    assert set(config["never"]) >= {"safety/", "en/safety/"}
    assert not set(config["never"]) & set(config["precache"])
    # The stylesheets and scripts those pages load, and nothing that is not in the site.
    assets = [p for p in config["precache"] if p not in pages]
    assert any(p.endswith(".css") for p in assets) and any(p.endswith(".js") for p in assets)
    assert all((site / p).is_file() for p in assets)
    assert re.fullmatch(r"[0-9a-f]{16}", config["version"])


@pytest.mark.browser
def test_core_pages_visited_pages_and_the_offline_page_work_offline(browser, server, site):
    context, page = controlled_context(browser, server)
    page.goto(server + "about/")  # visited online: kept
    context.set_offline(True)
    for path in precached_pages(site):
        assert open_offline(page, server + path) == heading(site, path), path
    assert open_offline(page, server + "about/") == heading(site, "about/")
    # Never visited: the offline page, in the page's language, styled even deep down.
    for home in HOMES:
        deep = f"{server}{home}services/legal-rights/"
        assert open_offline(page, deep) == heading(site, home + "offline/")
        assert page.evaluate("document.documentElement.lang") == ("en" if home else "zh-Hans")
        header = page.evaluate(
            "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
        )
        assert header == "rgb(142, 24, 70)", "the offline page lost its stylesheet"
    context.close()


@pytest.mark.browser
def test_pages_open_with_the_server_gone(browser, site: Path) -> None:
    port = free_port()
    with nginx(site, port) as server:
        context, page = controlled_context(browser, server)
        page.goto(server + "en/contacts/")
    # nginx has stopped: nothing answers on the port at all.
    assert open_offline(page, server + "en/contacts/") == heading(site, "en/contacts/")
    assert open_offline(page, server + "en/about/") == heading(site, "en/offline/")
    context.close()


# A sensitive page by other addresses the server answers for it, and asked for by a script.
SENSITIVE_ADDRESSES = [
    "safety/",
    "en/safety/",
    "help/",
    "safety/index.html",
    "%73afety/",
    "safety//",
    "en/help/index.html",
    "en/%68elp/",
]
STORED_URLS = """async () => {
    const urls = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        urls.push(...(await cache.keys()).map(r => new URL(r.url).pathname));
    }
    return urls;
}"""


@pytest.fixture(params=["nginx", "a server that sends no headers of its own"])
def any_server(request, site: Path):
    """The site through the shipped nginx configuration, and through a plain static server:
    the worker alone must keep sensitive pages out of its caches too."""
    if request.param == "nginx":
        yield request.getfixturevalue("server")
    else:
        with serve(site, free_port()) as url:
            yield url


@pytest.mark.browser
def test_a_sensitive_page_is_never_stored_whatever_the_address(browser, any_server) -> None:
    server = any_server
    context, page = controlled_context(browser, server)
    for path in SENSITIVE_ADDRESSES:
        page.goto(server + path)
        assert page.locator('meta[name="fedsite-offline"]').count() == 1, path
    page.evaluate("fetch('en/help/').then(r => r.text())")  # asked for by a script
    page.goto(server + "about/")
    # The worker stores a page after answering: an ordinary page is there soon after.
    page.wait_for_function(f"({STORED_URLS})().then(urls => urls.includes('/about/'))")
    stored = page.evaluate(STORED_URLS)
    assert "/about/" in stored
    kept = [u for u in stored if re.search(r"safety|help|%73afety|%68elp", u)]
    assert kept == [], kept
    context.close()


@pytest.fixture(scope="module")
def second_deploy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site again, with a changed home page, built for an address under a path."""
    project = copy_project(tmp_path_factory.mktemp("redeploy") / "project")
    edit(project / "docs/index.md", "\n# ", "\n# 新版本 ")
    build = mkdocs_build(project, project / "site", "http://127.0.0.1:8000/sub/")
    assert build.returncode == 0, build.output
    return build.site


@pytest.mark.browser
def test_a_redeploy_reaches_her_on_her_next_visit(browser, site: Path, second_deploy: Path):
    port = free_port()  # one origin for both deploys, as in production
    with nginx(site, port) as server:
        context, page = controlled_context(browser, server)
        page.goto(server + "contacts/")
        old = worker_config(site)["version"]
    assert worker_config(second_deploy)["version"] != old
    with nginx(second_deploy, port) as server:
        page.goto(server)
        assert page.locator("h1").first.inner_text().startswith("新版本")
        wait_for_caches(page, worker_config(second_deploy)["version"])
        context.set_offline(True)
        assert open_offline(page, server).startswith("新版本")
    context.close()


# -- Served for real --------------------------------------------------------------------------


def fetch(url: str, **headers: str):
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, headers=headers))
    except HTTPError as error:
        response = error
    return response, response.read()


def test_types_caching_and_compression(server: str, site: Path) -> None:
    css = next(p for p in worker_config(site)["precache"] if p.endswith(".css"))
    cases = {
        "": ("text/html", "no-cache"),
        css: ("text/css", "max-age=31536000"),
        "sw.js": ("application/javascript", "no-cache"),
        "en/activities/feeds/all.ics": ("text/calendar", None),
        "contacts/vcard/federation-office.vcf": ("text/vcard", None),
        "en/manifest.webmanifest": ("application/manifest+json", None),
    }
    for path, (kind, caching) in cases.items():
        response, _ = fetch(server + path)
        assert response.status == 200, path
        assert response.headers["Content-Type"].startswith(kind), path
        if caching:
            assert response.headers["Cache-Control"] == caching, path
    for encoding in ("gzip", "br"):
        response, body = fetch(server + css, **{"Accept-Encoding": encoding})
        assert response.headers["Content-Encoding"] == encoding
        assert len(body) < (site / css).stat().st_size / 2
    response, _ = fetch(server + ".deploy/nginx-csp.conf")
    assert response.status == 404


def test_security_headers_carry_the_pages_policy(server: str, site: Path) -> None:
    for path in ("", "en/contacts/longju/", "activities/months/2026-12/"):
        response, body = fetch(server + path)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "geolocation=()" in response.headers["Permissions-Policy"]
        header = dict(
            d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"].split(";")
        )
        meta = BeautifulSoup(body, "lxml").select_one('meta[http-equiv="Content-Security-Policy"]')
        page = dict(d.strip().split(" ", 1) for d in meta["content"].split(";"))
        assert header.pop("frame-ancestors") == "'none'"
        assert "'unsafe-inline'" not in header["script-src"]
        # The page's own hashes are among the header's (it covers every page's).
        assert set(page.pop("script-src").split()) <= set(header.pop("script-src").split())
        assert header == page


@pytest.mark.browser
def test_the_404_page_of_each_language_is_served(browser, server: str) -> None:
    page = browser.new_page()
    for home, words in (("", "回到首页"), ("en/", "Go to the home page")):
        response = page.goto(f"{server}{home}no/such/page/")
        assert response.status == 404
        page.get_by_role("link", name=words).first.click()
        assert page.url == server + home
    page.close()


def test_404_links_work_at_a_domain_root_and_under_a_path(site: Path, second_deploy: Path):
    for built, root in ((site, "/"), (second_deploy, "/sub/")):
        for home in HOMES:
            page = soup(built / home / "404.html")
            links = page.select(".md-content a")
            homes = {a["href"] for a in links if not a["href"].startswith("tel:")}
            assert {root, root + "en/"} <= homes, homes
            assert not any(h.startswith("//") for h in homes)


# -- Assets and the manifest --------------------------------------------------------------------


def test_every_stylesheet_and_script_has_a_content_hash(site: Path) -> None:
    hashed = re.compile(r"\.[0-9a-f]{8}(\.min)?\.(css|js)$")
    for page in [*html_pages(site), site / "404.html"]:
        doc = soup(page)
        loaded = [link["href"] for link in doc.select('link[rel="stylesheet"]')]
        loaded += [s["src"] for s in doc.select("script[src]")]
        assert loaded and all(hashed.search(u) for u in loaded), (page, loaded)
    # The site's and the package's own files are in the site by their hashed names only.
    own = [p.relative_to(ROOT / "docs") for p in (ROOT / "docs/assets").rglob("*.[cj]s*")]
    own += [Path(path) for path in resources.package_assets()]
    assert own
    for path in own:
        assert not (site / path).exists(), f"{path} is served without a hash"
        assert list((site / path.parent).glob(f"{path.stem}.*{path.suffix}")), path


def test_each_language_has_a_manifest_with_icons(site: Path) -> None:
    for home in HOMES:
        manifest = json.loads((site / home / "manifest.webmanifest").read_text("utf-8"))
        assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
        assert manifest["lang"] == ("en" if home else "zh-Hans")
        assert manifest["name"] and manifest["short_name"]
        icons = set()
        for icon in manifest["icons"]:
            with Image.open(site / home / icon["src"]) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"]
            icons.add((icon["sizes"], icon["purpose"]))
        assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= icons
    for page in html_pages(site):
        link = soup(page).select_one('link[rel="manifest"]')
        home = "en/" if url_path(site, page).startswith("/en/") else ""
        assert resolve(site, page, link["href"]) == f"/{home}manifest.webmanifest", page
