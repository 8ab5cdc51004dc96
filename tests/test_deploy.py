"""Publishing to S3-compatible object storage: every file gets the Content-Type and
Cache-Control that nginx sends for it (deploy/nginx/fedsite.conf), pages go up after their
assets and the service worker last, and nothing meant for the server is published."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path
from urllib.error import HTTPError

import pytest
from fedsite.deploy_s3 import main, plan, publish

BUCKET = "wanzhou-women"


def head(url: str) -> dict[str, str]:
    request = urllib.request.Request(url, method="HEAD")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return dict(response.headers)
    except HTTPError as error:
        raise AssertionError(f"{url}: {error.code}") from error


def test_each_kind_of_file_gets_the_headers_nginx_sends(server: str, site: Path) -> None:
    uploads = plan(site)
    # One file for each kind: its suffix, and whether its name has a content hash.
    kinds = {}
    for upload in uploads:
        kinds.setdefault((Path(upload.key).suffix, upload.cache_control), upload)
    assert len(kinds) >= 10, sorted(kinds)
    for upload in kinds.values():
        headers = head(server + upload.key)
        assert headers["Content-Type"] == upload.content_type, upload.key
        assert headers.get("Cache-Control", "") == upload.cache_control, upload.key


def test_pages_go_up_after_their_assets_and_the_worker_last(site: Path) -> None:
    keys = [upload.key for upload in plan(site)]
    assert keys[-1] == "sw.js"
    first_page = next(i for i, key in enumerate(keys) if key.endswith(".html"))
    assert all(key.endswith(".html") for key in keys[first_page:-1])
    assert any(key.endswith(".css") for key in keys[:first_page])
    assert not [key for key in keys if key.startswith(".deploy/")]
    assert (site / ".deploy").is_dir()  # written by the build, for nginx only


@pytest.fixture()
def bucket(monkeypatch: pytest.MonkeyPatch):
    """An S3 bucket in memory (moto): what OSS, COS or S3 would hold."""
    import boto3
    import moto

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    with moto.mock_aws():
        client = boto3.client("s3")
        client.create_bucket(Bucket=BUCKET)
        yield client


def test_a_deploy_stores_each_file_with_its_headers(site: Path, bucket, tmp_path, capsys):
    assert main([str(site), "--bucket", BUCKET, "--prefix", "www/"]) == 0
    uploads = plan(site)
    assert capsys.readouterr().out.count("put ") == len(uploads)
    for key in ("index.html", "sw.js", "en/activities/feeds/all.ics"):
        upload = next(u for u in uploads if u.key == key)
        stored = bucket.head_object(Bucket=BUCKET, Key="www/" + key)
        assert stored["ContentType"] == upload.content_type, key
        assert stored["CacheControl"] == upload.cache_control, key
        assert stored["ContentLength"] == (site / key).stat().st_size

    # A second deploy of the same site sends nothing.
    assert main([str(site), "--bucket", BUCKET, "--prefix", "www/"]) == 0
    assert "put " not in capsys.readouterr().out

    # --prune removes a page the site no longer has, and keeps old hashed assets.
    for key in ("old-page/index.html", "assets/stylesheets/old.0123abcd.min.css"):
        bucket.put_object(Bucket=BUCKET, Key="www/" + key, Body=b"old")
    changes = list(publish(uploads, bucket, BUCKET, prefix="www/", prune=True))
    assert changes == ["delete old-page/index.html"]


def test_no_site_no_deploy(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path), "--bucket", BUCKET]) == 1
    assert "mkdocs build" in capsys.readouterr().err


def test_a_prefix_is_a_folder_and_dry_run_lists_deletions(site: Path, bucket, capsys) -> None:
    for key in ("www2/index.html", "www-old/keep.html", "www/old-page/index.html"):
        bucket.put_object(Bucket=BUCKET, Key=key, Body=b"other")
    assert main([str(site), "--bucket", BUCKET, "--prefix", "www", "--prune", "--dry-run"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert "would delete old-page/index.html" in said
    assert sum(line.startswith("would put ") for line in said) == len(plan(site))
    keys = {o["Key"] for o in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {"www2/index.html", "www-old/keep.html", "www/old-page/index.html"}  # unsent

    assert main([str(site), "--bucket", BUCKET, "--prefix", "www", "--prune"]) == 0
    keys = {o["Key"] for o in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert {"www2/index.html", "www-old/keep.html"} <= keys  # other folders: never touched
    assert "www/index.html" in keys and "wwwindex.html" not in keys
    assert "www/old-page/index.html" not in keys


def test_hidden_files_are_never_uploaded_and_a_link_stops_the_deploy(site, tmp_path, capsys):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    for hidden in (".git/config", "assets/.deploy/nginx.conf", "en/.env"):
        (copy / hidden).parent.mkdir(parents=True, exist_ok=True)
        (copy / hidden).write_text("secret", "utf-8")
    (copy / ".well-known").mkdir()
    (copy / ".well-known/security.txt").write_text("Contact: mailto:x@example.org", "utf-8")
    keys = {upload.key for upload in plan(copy)}
    assert [key for key in keys if "/." in "/" + key] == [".well-known/security.txt"]
    (copy / "assets/notes.txt").symlink_to("/etc/hostname")
    assert main([str(copy), "--bucket", BUCKET, "--dry-run"]) == 1
    assert "symbolic links in the site, never uploaded: assets/notes.txt" in capsys.readouterr().err


def test_pages_never_stored_are_stored_nowhere(site: Path) -> None:
    uploads = {upload.key: upload.cache_control for upload in plan(site)}
    never = [key for key, cache in uploads.items() if cache == "no-store"]
    assert {"safety/index.html", "en/safety/index.html", "help/index.html"} <= set(never)
    assert uploads["index.html"] == "no-cache"  # other pages: kept, and asked again
