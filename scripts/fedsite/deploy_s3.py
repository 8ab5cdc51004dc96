"""Publish a built site to S3-compatible object storage (Aliyun OSS, Tencent COS, AWS S3, MinIO)
with a CDN in front, with the same Content-Type and Cache-Control as deploy/nginx/fedsite.conf.

    fedsite deploy-s3 --bucket NAME --endpoint-url https://oss-cn-chongqing.aliyuncs.com [site]

Credentials come from the usual boto3 places (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or
~/.aws/credentials); OSS and COS give S3-style keys. Build first, in a shell without them:
the build never needs them. Files go up in an order that never lets a visitor get a page before
its assets: first everything that is not a page, then the pages, then the service worker. Files
whose content is already there are skipped. `--prune` then removes what the new site no longer
has, except hashed assets: a page still open in someone's browser may need them. `--dry-run`
says what a deploy would do, and sends nothing.

Never uploaded: hidden files and folders (.deploy/, what the build writes for a web server),
but .well-known/. A symbolic link in the site stops the deploy: it would upload what the link
points to. Pages never stored (`sensitive: true`) get `Cache-Control: no-store`.

boto3 rather than our own HTTP signing: it is AWS's own kept client, and every S3-compatible
service documents it."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Mirrors deploy/nginx/fedsite.conf (its `location` blocks and Debian's mime.types);
# tests/test_deploy.py compares both, file by file, on the built site.
HASHED = re.compile(r"\.[0-9a-f]{8}(\.min)?\.(css|js)(\.map)?$")
YEAR, DAY, HOUR, WEEK = 31536000, 86400, 3600, 604800
ALWAYS_ASK = "no-cache"  # nginx `expires -1`: stored, but revalidated before each use
CACHE_BY_SUFFIX = {".ics": HOUR, ".vcf": HOUR, ".webmanifest": DAY}
CACHE_BY_SUFFIX |= dict.fromkeys((".png", ".svg", ".ico"), WEEK)
TEXT = "; charset=utf-8"  # nginx `charset_types`
CONTENT_TYPES = {
    ".html": "text/html" + TEXT,
    ".css": "text/css" + TEXT,
    ".js": "application/javascript" + TEXT,
    ".json": "application/json" + TEXT,
    ".xml": "text/xml" + TEXT,
    ".txt": "text/plain" + TEXT,
    ".ics": "text/calendar" + TEXT,
    ".vcf": "text/vcard" + TEXT,
    ".webmanifest": "application/manifest+json" + TEXT,
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".woff2": "font/woff2",
    ".gz": "application/octet-stream",  # Material's sitemap.xml.gz, as nginx sends it
}
SERVER_FOLDER = ".deploy"  # what the build writes for a server, never for visitors
NEVER_STORED = SERVER_FOLDER + "/never-stored.json"  # the build's list of pages never stored
NO_STORE = "no-store"
WORKER = "sw.js"


class LinkInSite(Exception):
    """The built site holds symbolic links: a deploy would upload what they point to."""


@dataclass(frozen=True)
class Upload:
    key: str  # the object's name: the file's path in the site, with "/" separators
    path: Path
    content_type: str
    cache_control: str
    stage: int  # 0 assets and files, 1 pages, 2 the service worker


def cache_control(key: str, never_stored: frozenset[str] = frozenset()) -> str:
    if key in never_stored:
        return NO_STORE
    name = key.rsplit("/", 1)[-1]
    if HASHED.search(name):
        return f"max-age={YEAR}"
    if key == WORKER:
        return ALWAYS_ASK
    seconds = CACHE_BY_SUFFIX.get(Path(name).suffix)
    return f"max-age={seconds}" if seconds else ALWAYS_ASK


def content_type(key: str) -> str:
    return CONTENT_TYPES.get(Path(key).suffix.lower(), "application/octet-stream")


def hidden(key: str) -> bool:
    """A hidden file, or one in a hidden folder (but .well-known/)."""
    return any(part.startswith(".") and part != ".well-known" for part in key.split("/"))


def never_stored(site: Path) -> frozenset[str]:
    """The keys of the pages never stored (the build's list: site paths such as 'en/help/')."""
    listed = site / NEVER_STORED
    pages = json.loads(listed.read_text("utf-8")) if listed.is_file() else []
    return frozenset(page + "index.html" if page.endswith("/") else page for page in pages)


def plan(site: Path) -> list[Upload]:
    """Every file of the built site to publish, with its headers, in upload order. Raises
    LinkInSite, naming them, if the site holds symbolic links (none is ever followed)."""
    files, links = [], []
    for top, folders, names in os.walk(site):
        for name in [*folders, *names]:
            path = Path(top) / name
            if path.is_symlink():
                links.append(path.relative_to(site).as_posix())
            elif name in names:
                files.append(path)
    if links:
        raise LinkInSite(", ".join(sorted(links)))
    never = never_stored(site)
    uploads = []
    for path in files:
        key = path.relative_to(site).as_posix()
        if hidden(key):
            continue
        stage = 2 if key == WORKER else 1 if key.endswith(".html") else 0
        uploads.append(Upload(key, path, content_type(key), cache_control(key, never), stage))
    return sorted(uploads, key=lambda upload: (upload.stage, upload.key))


def folder_prefix(prefix: str) -> str:
    """A bucket folder as a key prefix: 'www' and '/www/' are 'www/' (so never 'www2/...');
    '' is the whole bucket."""
    prefix = prefix.strip("/")
    return prefix + "/" if prefix else ""


def md5(path: Path) -> str:
    # S3's ETag for a single-part upload is the content's MD5 (not used for security).
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()


def existing(client: Any, bucket: str, prefix: str) -> dict[str, str]:
    """key -> ETag of what the bucket holds under `prefix`."""
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            found[item["Key"][len(prefix) :]] = item["ETag"].strip('"')
    return found


def publish(
    uploads: Iterable[Upload],
    client: Any,
    bucket: str,
    *,
    prefix: str = "",
    prune: bool = False,
    dry_run: bool = False,
) -> Iterator[str]:
    """Upload what changed, in order; then, with `prune`, delete what the site no longer has
    (in the folder `prefix` only). Yields a line for each change; with `dry_run`, the same
    lines, and nothing is sent."""
    uploads = list(uploads)
    prefix = folder_prefix(prefix)
    there = existing(client, bucket, prefix)
    for upload in uploads:
        if there.get(upload.key) == md5(upload.path):
            continue
        if not dry_run:
            with upload.path.open("rb") as body:
                client.put_object(
                    Bucket=bucket,
                    Key=prefix + upload.key,
                    Body=body,
                    ContentType=upload.content_type,
                    CacheControl=upload.cache_control,
                )
        yield f"put {upload.key}\t{upload.content_type}\t{upload.cache_control}"
    if prune:
        kept = {upload.key for upload in uploads}
        for key in sorted(there.keys() - kept):
            if not HASHED.search(key):
                if not dry_run:
                    client.delete_object(Bucket=bucket, Key=prefix + key)
                yield f"delete {key}"


def client_for(endpoint_url: str | None, region: str | None, addressing_style: str) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        s3={"addressing_style": addressing_style},
        # Newer boto3 adds CRC checksums and chunked uploads by default; OSS and COS refuse some
        # of those, and S3 itself does not need them for single-part uploads.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
    return boto3.client("s3", endpoint_url=endpoint_url, region_name=region, config=config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fedsite deploy-s3", description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site")
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--endpoint-url", help="e.g. https://oss-cn-chongqing.aliyuncs.com")
    parser.add_argument("--region", help="e.g. oss-cn-chongqing, ap-chongqing")
    parser.add_argument("--prefix", default="", help="a folder in the bucket, e.g. www")
    parser.add_argument(
        "--addressing-style",
        default="virtual",
        choices=("virtual", "path"),
        help="virtual for OSS and COS (the default), path for MinIO",
    )
    parser.add_argument("--prune", action="store_true", help="delete what the site no longer has")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="list what would be uploaded and (with --prune) deleted; send nothing",
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site here (run `mkdocs build` first)", file=sys.stderr)
        return 1
    try:
        uploads = plan(args.site)
    except LinkInSite as links:
        print(f"{args.site}: symbolic links in the site, never uploaded: {links}", file=sys.stderr)
        return 1
    from botocore.exceptions import BotoCoreError, ClientError

    client = client_for(args.endpoint_url, args.region, args.addressing_style)
    changes = 0
    try:
        for line in publish(
            uploads,
            client,
            args.bucket,
            prefix=args.prefix,
            prune=args.prune,
            dry_run=args.dry_run,
        ):
            print(("would " if args.dry_run else "") + line)
            changes += 1
    except (BotoCoreError, ClientError) as exc:  # no credentials, no such bucket, no network
        print(f"{args.bucket}: {exc}", file=sys.stderr)
        return 1
    done = "changes to make" if args.dry_run else "changes"
    print(f"{changes} {done}, {len(uploads)} files in the site", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
