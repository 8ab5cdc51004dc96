"""Serve a built site with Debian's nginx and the shipped configuration, as production does:
deploy/nginx/fedsite.conf as it is, with only its port and the repository's folder changed."""

from __future__ import annotations

import contextlib
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
SHIPPED = ROOT / "deploy/nginx/fedsite.conf"
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


def server_block(repository: Path, port: int) -> str:
    text = SHIPPED.read_text(encoding="utf-8")
    text = re.sub(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};", text, flags=re.M)
    assert f"127.0.0.1:{port}" in text, "deploy/nginx/fedsite.conf has no 'listen 80;'"
    return text.replace("/srv/fedsite", str(repository))


@contextlib.contextmanager
def nginx(site: Path, port: int, access_log: Path | None = None) -> Iterator[str]:
    """nginx serving `site` on 127.0.0.1:`port` until the block ends; with `access_log`, each
    request's path, status, bytes sent (headers and compressed body) and Sec-Fetch-Dest."""
    with tempfile.TemporaryDirectory(prefix="nginx-") as folder:
        work = Path(folder)
        repository = work / "repository"  # what /srv/fedsite is in production
        (repository / "deploy").mkdir(parents=True)
        (repository / "site").symlink_to(site.resolve())
        shutil.copytree(ROOT / "deploy/nginx", repository / "deploy/nginx")
        if not BROTLI_MODULE.exists():
            (repository / "deploy/nginx/brotli.conf").unlink()
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
                server=server_block(repository, port),
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
            _wait_for(port, process, work)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)


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
