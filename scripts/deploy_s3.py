"""Publish site/ to S3-compatible object storage: `python scripts/deploy_s3.py` (`make deploy-s3`).

For a copy of the site nearer to China (Alibaba Cloud OSS, Tencent COS, AWS S3 in Hong Kong…).
Uploads what changed (MD5 against the stored ETag), with a Content-Type from the extension and
a Cache-Control by kind: a year, immutable, for files whose name carries a content hash; five
minutes for HTML and everything else. Assets go first and pages last, so that a visitor never
gets a page whose assets are not there yet. Only files that an earlier deploy published (its
manifest, see ``miftah.publishing.deploy``) are ever deleted or overwritten: any other object in the bucket
is left alone. The storage and the credentials come from the environment only:

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
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.failures import os_error_line  # noqa: E402
from miftah.languages import CODES, language  # noqa: E402
from miftah.publishing import deploy  # noqa: E402
from miftah.publishing.deploy import Manifest, Plan  # noqa: E402

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


def content_type(relative: str) -> str:
    return CONTENT_TYPES.get(Path(relative).suffix.lower(), "application/octet-stream")


def cache_control(relative: str) -> str:
    return IMMUTABLE if deploy.is_fingerprinted(relative) else SHORT


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
        raise ConfigError(f"S3_ENDPOINT_URL is not an http(s) URL: {deploy.redact(endpoint)!r}")
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
    """Every object under the prefix (path below it → ETag, the MD5 of a single-part upload),
    the deploy manifest excepted."""
    objects = {}
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=settings.bucket, Prefix=settings.prefix):
        for item in page.get("Contents", []):
            relative = item["Key"][len(settings.prefix) :]
            if relative != deploy.MANIFEST_NAME:
                objects[relative] = item["ETag"].strip('"')
    return objects


def read_manifest(s3: Any, settings: Settings) -> Manifest:
    """The previous deploy's manifest; an empty one when none was ever written there."""
    try:
        answer = s3.get_object(Bucket=settings.bucket, Key=settings.prefix + deploy.MANIFEST_NAME)
    except s3.exceptions.NoSuchKey:
        return Manifest()
    return Manifest.from_json(answer["Body"].read())


def write_manifest(s3: Any, settings: Settings, manifest: Manifest) -> None:
    body = manifest.to_json()
    s3.put_object(
        Bucket=settings.bucket,
        Key=settings.prefix + deploy.MANIFEST_NAME,
        Body=body,
        ContentMD5=base64.b64encode(hashlib.md5(body, usedforsecurity=False).digest()).decode(),
        ContentType="application/json",
        CacheControl="no-store",
    )


def apply(s3: Any, settings: Settings, files: dict[str, Path], todo: Plan, previous: Manifest) -> None:
    """Manifest first (what may exist is owned), then assets, pages, deletions, final manifest."""
    write_manifest(s3, settings, todo.started(previous))
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
        batch = [{"Key": settings.prefix + key} for key in todo.delete[start : start + 1000]]
        result = s3.delete_objects(Bucket=settings.bucket, Delete={"Objects": batch, "Quiet": True})
        if result.get("Errors"):
            first = result["Errors"][0]
            raise RuntimeError(f"could not delete {first.get('Key')}: {first.get('Message')}")
    write_manifest(s3, settings, todo.finished())


def refusal(todo: Plan, where: str, allow_mass_delete: bool) -> str | None:
    """Why this plan must not run (one line), or None."""
    if todo.foreign:
        shown = ", ".join(todo.foreign[:3]) + (", …" if len(todo.foreign) > 3 else "")
        return (
            f"{where}: {len(todo.foreign)} objects there were not published by this deploy ({shown}): "
            "choose an empty S3_PREFIX, or pass --adopt to overwrite them (nothing foreign is ever deleted)"
        )
    if todo.deletes_too_much() and not allow_mass_delete:
        share = round(100 * deploy.MAX_DELETE_SHARE)
        return (
            f"{where}: this deploy would remove {todo.removed()} of the {todo.previous_size} files "
            f"the last deploy published (more than {share} %): check --site-dir and S3_PREFIX, "
            "or pass --allow-mass-delete"
        )
    return None


def print_plan(todo: Plan) -> None:
    for relative in todo.upload:
        print(f"would upload {relative}")
    for relative in todo.delete:
        print(f"would delete {relative}")
    for relative in todo.keep:
        print(f"would keep {relative} (previous deploy, one more generation)")


def summary(where: str, todo: Plan, dry_run: bool) -> str:
    upload, delete = ("would upload", "would delete") if dry_run else ("uploaded", "deleted")
    return (
        f"{where}: {upload} {len(todo.upload)}, unchanged {len(todo.unchanged)}, "
        f"{delete} {len(todo.delete)}, kept from the previous deploy {len(todo.keep)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--dry-run", action="store_true", help="list every change, make none")
    parser.add_argument("--force", action="store_true", help="upload every file again (new headers)")
    parser.add_argument("--adopt", action="store_true", help="overwrite objects this deploy did not publish")
    parser.add_argument(
        "--allow-mass-delete", action="store_true", help="delete more than half of the last deploy's files"
    )
    args = parser.parse_args()
    try:
        settings = settings_from(dict(os.environ))
    except ConfigError as error:
        print(f"deploy-s3: {error}", file=sys.stderr)
        return 2
    site_dir = args.site_dir.resolve()
    missing = deploy.missing_parts(site_dir)
    if missing:
        shown = ", ".join(missing[:4]) + (", …" if len(missing) > 4 else "")
        message = f"{site_dir} is not a finished build (no {shown}): run `make build` first"
        print(f"deploy-s3: {message}", file=sys.stderr)
        return 2
    endpoint = deploy.redact(settings.endpoint)
    where = f"s3://{settings.bucket}/{settings.prefix}"
    try:
        from botocore.exceptions import BotoCoreError, ClientError

        files = local_files(site_dir)
        local = {relative: md5_hex(path) for relative, path in files.items()}
        s3 = client(settings)
        previous = read_manifest(s3, settings)
        todo = deploy.plan(local, remote_objects(s3, settings), previous, args.force, args.adopt)
        refused = refusal(todo, where, args.allow_mass_delete)
        if args.dry_run:
            print_plan(todo)
        if refused:
            print(f"deploy-s3: {refused}", file=sys.stderr)
            return 2
        if not args.dry_run:
            apply(s3, settings, files, todo, previous)
    except (BotoCoreError, ClientError, RuntimeError, deploy.ManifestError) as error:
        message = str(error).replace(settings.endpoint, endpoint)
        print(f"deploy-s3: {endpoint} bucket {settings.bucket}: {message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"deploy-s3: {os_error_line(error, site_dir)}", file=sys.stderr)
        return 1
    print(summary(where, todo, args.dry_run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
