"""Publish site/ to S3-compatible object storage: `python scripts/deploy_s3.py` (`make deploy-s3`).

For a copy of the site nearer to China (Alibaba Cloud OSS, Tencent COS, AWS S3 in Hong Kong…).
Uploads what changed (MD5 against the stored ETag), with a Content-Type from the extension and
a Cache-Control by kind: a year, immutable, for files whose name carries a content hash; five
minutes for HTML and everything else. Assets go first and pages last, so that a visitor never
gets a page whose assets are not there yet; objects that the site no longer has are deleted
at the end. The storage and the credentials come from the environment only:

    S3_ENDPOINT_URL        e.g. https://oss-cn-hongkong.aliyuncs.com
    S3_BUCKET              the bucket (give the site a bucket of its own, or an S3_PREFIX)
    AWS_ACCESS_KEY_ID      access key of an account that may list, put and delete there
    AWS_SECRET_ACCESS_KEY
    S3_REGION              optional (default us-east-1)
    S3_PREFIX              optional folder inside the bucket, e.g. catalog/
    S3_ADDRESSING_STYLE    optional: virtual (default) or path (default for an IP or localhost)
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import ipaddress
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.languages import CODES, language  # noqa: E402

REQUIRED = ("S3_ENDPOINT_URL", "S3_BUCKET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
TEXT = "; charset=utf-8"
CONTENT_TYPES = {
    ".html": "text/html" + TEXT,
    ".css": "text/css" + TEXT,
    ".js": "text/javascript" + TEXT,
    ".mjs": "text/javascript" + TEXT,
    ".json": "application/json",
    ".map": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain" + TEXT,
    ".svg": "image/svg+xml",
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    # Pagefind's index files are gzip data that Pagefind inflates itself: no Content-Encoding.
    ".pagefind": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
}
# Names that change whenever their content does, so a browser may keep them for a year.
FINGERPRINTED = (
    re.compile(r"(^|/)assets/.+\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$"),  # Material's bundles
    re.compile(r"^media/[0-9a-f]{12,}-\d+\.(avif|webp|jpg|png)$"),  # our photos: <hash>-<width>
    re.compile(r"^pagefind/(fragment|index)/[^/]+\.pf_(fragment|index)$"),
    re.compile(r"^pagefind/pagefind\.[^/]+_[0-9a-f]+\.pf_meta$"),
)
# Published last, when everything they point to is in place.
ENTRY_POINTS = re.compile(r"(\.html|^sitemap\.xml|^robots\.txt|^pagefind/pagefind-entry\.json)$")


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Settings:
    endpoint: str
    bucket: str
    access_key: str
    secret_key: str
    region: str
    prefix: str
    addressing_style: str


@dataclass(frozen=True)
class Plan:
    upload: list[str]  # relative paths, assets first and entry points last
    unchanged: list[str]
    delete: list[str]  # object keys


def content_type(relative: str) -> str:
    return CONTENT_TYPES.get(Path(relative).suffix.lower(), "application/octet-stream")


def cache_control(relative: str) -> str:
    return IMMUTABLE if any(pattern.search(relative) for pattern in FINGERPRINTED) else SHORT


def content_language(relative: str) -> str | None:
    """The language of an HTML page, from its folder (zh/, fr/, en/): sent as Content-Language,
    which Baidu reads (a <meta http-equiv> for it is obsolete HTML)."""
    first = relative.split("/", 1)[0]
    if not relative.endswith(".html") or first not in CODES:
        return None
    return language(first).html_lang


def settings_from(environ: dict[str, str]) -> Settings:
    missing = [name for name in REQUIRED if not environ.get(name)]
    if missing:
        raise ConfigError(f"set {', '.join(missing)} in the environment (see scripts/deploy_s3.py)")
    endpoint = environ["S3_ENDPOINT_URL"]
    if urlsplit(endpoint).scheme not in ("http", "https") or not urlsplit(endpoint).hostname:
        raise ConfigError(f"S3_ENDPOINT_URL is not an http(s) URL: {endpoint!r}")
    prefix = environ.get("S3_PREFIX", "").strip("/")
    style = environ.get("S3_ADDRESSING_STYLE") or _default_style(endpoint)
    if style not in ("virtual", "path"):
        raise ConfigError(f"S3_ADDRESSING_STYLE must be virtual or path, not {style!r}")
    return Settings(
        endpoint=endpoint,
        bucket=environ["S3_BUCKET"],
        access_key=environ["AWS_ACCESS_KEY_ID"],
        secret_key=environ["AWS_SECRET_ACCESS_KEY"],
        region=environ.get("S3_REGION") or "us-east-1",
        prefix=f"{prefix}/" if prefix else "",
        addressing_style=style,
    )


def _default_style(endpoint: str) -> str:
    host = urlsplit(endpoint).hostname or ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return "path" if host == "localhost" else "virtual"
    return "path"


def local_files(site_dir: Path) -> dict[str, Path]:
    return {
        path.relative_to(site_dir).as_posix(): path for path in sorted(site_dir.rglob("*")) if path.is_file()
    }


def md5_hex(path: Path) -> str:
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()


def plan(files: dict[str, Path], remote: dict[str, str], prefix: str, force: bool = False) -> Plan:
    """What to upload (new or changed), what is already there, what to delete."""
    upload: list[str] = []
    unchanged: list[str] = []
    for relative, path in files.items():
        same = remote.get(prefix + relative) == md5_hex(path)
        (unchanged if same and not force else upload).append(relative)
    upload.sort(key=lambda relative: (bool(ENTRY_POINTS.search(relative)), relative))
    wanted = {prefix + relative for relative in files}
    return Plan(upload, unchanged, sorted(key for key in remote if key not in wanted))


def client(settings: Settings) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        s3={"addressing_style": settings.addressing_style},
        # Plain Content-MD5 uploads: several S3-compatible services reject the newer
        # default of streamed CRC checksums (aws-chunked).
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        retries={"max_attempts": 5, "mode": "standard"},
    )
    return boto3.session.Session().client(
        "s3",
        endpoint_url=settings.endpoint,
        region_name=settings.region,
        aws_access_key_id=settings.access_key,
        aws_secret_access_key=settings.secret_key,
        aws_session_token=os.environ.get("AWS_SESSION_TOKEN") or None,
        config=config,
    )


def remote_objects(s3: Any, settings: Settings) -> dict[str, str]:
    """Every object under the prefix, with its ETag (the MD5 of a single-part upload)."""
    objects = {}
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=settings.bucket, Prefix=settings.prefix):
        for item in page.get("Contents", []):
            objects[item["Key"]] = item["ETag"].strip('"')
    return objects


def apply(s3: Any, settings: Settings, files: dict[str, Path], todo: Plan) -> None:
    for relative in todo.upload:
        body = files[relative].read_bytes()
        headers = {"ContentLanguage": lang} if (lang := content_language(relative)) else {}
        s3.put_object(
            Bucket=settings.bucket,
            Key=settings.prefix + relative,
            Body=body,
            ContentMD5=base64.b64encode(hashlib.md5(body, usedforsecurity=False).digest()).decode(),
            ContentType=content_type(relative),
            CacheControl=cache_control(relative),
            **headers,
        )
    for start in range(0, len(todo.delete), 1000):
        batch = [{"Key": key} for key in todo.delete[start : start + 1000]]
        result = s3.delete_objects(Bucket=settings.bucket, Delete={"Objects": batch, "Quiet": True})
        if result.get("Errors"):
            first = result["Errors"][0]
            raise RuntimeError(f"could not delete {first.get('Key')}: {first.get('Message')}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--dry-run", action="store_true", help="print what would change, change nothing")
    parser.add_argument("--force", action="store_true", help="upload every file again (new headers)")
    args = parser.parse_args()
    try:
        settings = settings_from(dict(os.environ))
    except ConfigError as error:
        print(f"deploy-s3: {error}", file=sys.stderr)
        return 2
    site_dir = args.site_dir.resolve()
    if not (site_dir / "index.html").is_file() or not (site_dir / "sitemap.xml").is_file():
        print(f"deploy-s3: {site_dir} is not a finished build: run `make build` first", file=sys.stderr)
        return 2
    files = local_files(site_dir)
    try:
        from botocore.exceptions import BotoCoreError, ClientError

        s3 = client(settings)
        todo = plan(files, remote_objects(s3, settings), settings.prefix, force=args.force)
        if not args.dry_run:
            apply(s3, settings, files, todo)
    except (BotoCoreError, ClientError, RuntimeError) as error:
        print(f"deploy-s3: {settings.endpoint} bucket {settings.bucket}: {error}", file=sys.stderr)
        return 1
    where = f"s3://{settings.bucket}/{settings.prefix}"
    verb = "would upload" if args.dry_run else "uploaded"
    print(f"{where}: {verb} {len(todo.upload)}, unchanged {len(todo.unchanged)}, deleted {len(todo.delete)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
