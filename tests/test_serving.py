"""The site as nginx serves it with the shipped configuration (deploy/nginx/): pages never stored
are sent `no-store` at any address that reaches them; redirects keep her scheme and host;
hidden files, folders without a page and anything through a symbolic link get the site's own
"not found" page; only the site's own service worker may be one; and fedsite.conf itself serves
the site over HTTPS with HSTS, and sends plain HTTP there."""

from __future__ import annotations

import http.client
import shutil
import ssl
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import free_port, require
from nginx import NGINX, nginx, nginx_with_tls


def get(url: str, path: str, **headers: str) -> tuple[int, dict[str, str], str]:
    """Status, headers (lower-case names) and body of one request, sent as it is (no
    normalising of the path, no following of redirects)."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the test's own
        connection = http.client.HTTPSConnection(parts.hostname, parts.port, context=context)
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.fixture(scope="module")
def odd_site(site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site with what should never be served put into it (as if it got there some
    other way than the build), served by nginx."""
    require(NGINX, "apt-get install nginx-core")
    copy = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(site, copy)
    (copy / ".git").mkdir()
    (copy / ".git/config").write_text("[http] extraheader = AUTHORIZATION: basic x", "utf-8")
    (copy / "en/.env").write_text("SECRET=1", "utf-8")
    (copy / ".well-known").mkdir()
    (copy / ".well-known/security.txt").write_text("Contact: mailto:x@example.org", "utf-8")
    (copy / "assets/notes.txt").symlink_to("/etc/hostname")
    (copy / "assets/linked").symlink_to(copy / "about", target_is_directory=True)
    (copy / "empty").mkdir()
    (copy / "en/empty").mkdir()
    with nginx(copy, free_port()) as url:
        yield url


@pytest.mark.parametrize(
    "path",
    ["/safety/", "/safety/index.html", "/%73afety/", "/safety//", "/en/help/", "/en/%68elp/"],
)
def test_a_sensitive_page_is_sent_no_store_at_any_address(server: str, path: str) -> None:
    status, headers, body = get(server, path)
    assert status == 200 and 'name="fedsite-offline" content="never"' in body, path
    assert headers["cache-control"] == "no-store" and "expires" not in headers, headers


def test_other_pages_are_stored_and_asked_for_again(server: str) -> None:
    status, headers, _ = get(server, "/about/")
    assert status == 200 and headers["cache-control"] == "no-cache", headers


def test_a_redirect_keeps_her_scheme_and_host(server: str) -> None:
    status, headers, _ = get(server, "/help")
    assert status == 301 and headers["location"] == "/help/", headers


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/.git/config", "回到首页"),
        ("/.deploy/nginx-csp.conf", "回到首页"),
        ("/en/.env", "Go to the home page"),
        ("/assets/notes.txt", "回到首页"),
        ("/assets/linked/", "回到首页"),
        ("/empty/", "回到首页"),
        ("/en/empty/", "Go to the home page"),
    ],
)
def test_what_is_never_served_gets_the_sites_not_found_page(odd_site: str, path, words) -> None:
    status, _, body = get(odd_site, path)
    assert status == 404 and words in body, (path, status, body[:200])
    assert "AUTHORIZATION" not in body and "SECRET" not in body


def test_the_well_known_folder_is_served(odd_site: str) -> None:
    status, _, body = get(odd_site, "/.well-known/security.txt")
    assert status == 200 and "Contact:" in body


@pytest.mark.parametrize("path", ["/assets/fedsite/", "/sw2.js", "/en/sw.js", "/search/x.js"])
def test_only_the_sites_own_worker_may_be_a_service_worker(server: str, site: Path, path) -> None:
    script = next((site / "assets/fedsite").glob("offline.*.js"))
    target = path + script.name if path.endswith("/") else path
    status, _, _ = get(server, target, **{"Service-Worker": "script"})
    assert status == 404, target
    if path.endswith("/"):  # the same file for a page's script tag: served
        assert get(server, target)[0] == 200
    assert get(server, "/sw.js", **{"Service-Worker": "script"})[0] == 200


def test_fedsite_conf_serves_https_with_hsts_and_sends_http_there(site: Path) -> None:
    require(NGINX, "apt-get install nginx-core")
    http_port, https_port = free_port(), free_port()
    with nginx_with_tls(site, http_port, https_port) as url:
        status, headers, body = get(url, "/en/")
        assert status == 200 and "Wanzhou" in body
        assert headers["strict-transport-security"] == "max-age=31536000"
        assert "content-security-policy" in headers and headers["x-content-type-options"]
        assert get(url, "/safety/")[1]["cache-control"] == "no-store"
        status, headers, _ = get(f"http://127.0.0.1:{http_port}/", "/en/help/?x=1")
        assert status == 301 and headers["location"] == "https://127.0.0.1/en/help/?x=1"
        assert "strict-transport-security" not in headers  # (only ever sent over HTTPS)
