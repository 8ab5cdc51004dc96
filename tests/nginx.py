"""Serve a built site with Debian's nginx and the shipped configuration, as production does:
deploy/nginx/site.conf and maps.conf as they are, with only the repository's folder changed, in
a plain-HTTP server block on a port of 127.0.0.1 (`nginx`); or deploy/nginx/fedsite.conf itself,
its HTTPS and HTTP server blocks on two ports with a certificate made for the test
(`nginx_with_tls`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = Path("/usr/sbin/nginx")
SHIPPED = ROOT / "deploy/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")

MAIN = """\
daemon off;
master_process on;
user root;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
{modules}
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format sizes '$request_uri $status $bytes_sent $http_sec_fetch_dest';
    {access_log}
    sendfile on;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{server}
}}
"""


def plain_server(port: int) -> str:
    """maps.conf, and site.conf in a server block on 127.0.0.1:`port`, with /srv/fedsite as
    it is (replaced with the repository's folder with the rest)."""
    return (
        "include /srv/fedsite/deploy/nginx/maps.conf;\n"
        f"server {{\n    listen 127.0.0.1:{port};\n"
        "    include /srv/fedsite/deploy/nginx/site.conf;\n}\n"
    )


def tls_servers(http_port: int, https_port: int, certificate: Path, key: Path) -> str:
    """fedsite.conf with its ports on 127.0.0.1 and the test's certificate."""
    text = (SHIPPED / "fedsite.conf").read_text(encoding="utf-8")
    text = re.sub(r"^\s*listen \[::\].*\n", "", text, flags=re.M)
    text = text.replace("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
    text = text.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    text = text.replace("/etc/ssl/fedsite/fullchain.pem", str(certificate))
    text = text.replace("/etc/ssl/fedsite/privkey.pem", str(key))
    assert f":{https_port} ssl" in text and f":{http_port};" in text, "fedsite.conf's listen lines"
    return text


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made for the test."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return folder / "cert.pem", folder / "key.pem"


@contextlib.contextmanager
def nginx(site: Path, port: int, access_log: Path | None = None) -> Iterator[str]:
    """nginx serving `site` on 127.0.0.1:`port` until the block ends; with `access_log`, each
    request's path, status, bytes sent (headers and compressed body) and Sec-Fetch-Dest."""
    with _running(site, lambda work: plain_server(port), [port], access_log):
        yield f"http://127.0.0.1:{port}/"


@contextlib.contextmanager
def nginx_with_tls(site: Path, http_port: int, https_port: int) -> Iterator[str]:
    """nginx with fedsite.conf itself: `site` over HTTPS on `https_port` (a certificate of the
    test's), and the redirect to it on `http_port`. Yields the HTTPS address."""

    def servers(work: Path) -> str:
        return tls_servers(http_port, https_port, *self_signed(work))

    with _running(site, servers, [http_port, https_port], None):
        yield f"https://127.0.0.1:{https_port}/"


@contextlib.contextmanager
def _running(site, servers, ports: list[int], access_log: Path | None) -> Iterator[None]:
    with tempfile.TemporaryDirectory(prefix="nginx-") as folder:
        work = Path(folder)
        repository = work / "repository"  # what /srv/fedsite is in production
        (repository / "deploy").mkdir(parents=True)
        shutil.copytree(SHIPPED, repository / "deploy/nginx")
        if not BROTLI_MODULE.exists():
            (repository / "deploy/nginx/brotli.conf").unlink()
        for conf in (repository / "deploy/nginx").glob("*.conf"):
            conf.write_text(_here(conf.read_text("utf-8"), site, repository), "utf-8")
        modules = "".join(
            f"load_module {BROTLI_MODULE.with_name(name)};\n"
            for name in ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
            if BROTLI_MODULE.exists()
        )
        config = work / "nginx.conf"
        config.write_text(
            MAIN.format(
                work=work,
                modules=modules,
                server=_here(servers(work), site, repository),
                access_log=f"access_log {access_log} sizes;" if access_log else "access_log off;",
            ),
            encoding="utf-8",
        )
        process = subprocess.Popen(
            [str(NGINX), "-c", str(config), "-p", str(work)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            for port in ports:
                _wait_for(port, process, work)
            yield
        finally:
            process.terminate()
            process.wait(timeout=10)


def _here(text: str, site: Path, repository: Path) -> str:
    """A configuration with the site and the repository where the test has them."""
    return text.replace("/srv/fedsite/site", str(site.resolve())).replace(
        "/srv/fedsite", str(repository)
    )


def _wait_for(port: int, process: subprocess.Popen, work: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            log = (work / "error.log").read_text() if (work / "error.log").exists() else ""
            raise RuntimeError(f"nginx stopped: {process.stderr.read().decode()}{log}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("nginx did not start")
