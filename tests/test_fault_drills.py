"""Fault drills on the build: real builds (`scripts/site.py build`) killed with SIGKILL at many
moments while another thread watches ``site/``, two builds at once, leftovers of killed builds.
Each drill adds its tally to ``drills`` (printed at the end of the session)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import drills
from miftah.publishing.deploy import missing_parts
from support import ROOT, make_photo, run_site, small_filesystem

NAME_A = "  en: Culinary argan oil\n"
NAME_B = "  en: Culinary argan oil, state B\n"
KILL_FRACTIONS = (0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.88, 0.93, 0.96, 0.98, 0.99, 1.0, 1.01, 1.03)


def tree_digest(site: Path) -> str:
    """One hash over every file's path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Watcher(threading.Thread):
    """Polls ``site`` as fast as it can; counts the polls that found it incomplete."""

    def __init__(self, site: Path) -> None:
        super().__init__(daemon=True)
        self.site = site
        self.polls = 0
        self.incomplete: list[str] = []
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                missing = missing_parts(self.site)
            except OSError as error:  # a folder vanishing under iterdir
                missing = [str(error)]
            if missing:
                self.incomplete.append(", ".join(missing[:3]))
            self.polls += 1


def start_build(records: Path, site: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "MIFTAH_RECORDS": str(records), "LANG": "C.UTF-8"}
    command = [sys.executable, str(ROOT / "scripts" / "site.py"), "build", "--site-dir", str(site)]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )


def _wait_for_digest(site: Path, digest: str, build: subprocess.Popen[str], seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and build.poll() is None:
        with contextlib.suppress(OSError):
            if tree_digest(site) == digest:
                return
        time.sleep(0.05)


def set_state(records: Path, state: str) -> None:
    record = records / "products" / "argan-oil-culinary" / "product.yml"
    text = record.read_text(encoding="utf-8")
    old, new = (NAME_B, NAME_A) if state == "A" else (NAME_A, NAME_B)
    record.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_drill_kill_9_at_many_moments_leaves_a_whole_site(scratch_catalog: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    digests = {}
    for state in ("B", "A"):  # reference builds of both states; warms the photo cache too
        set_state(scratch_catalog, state)
        started = time.perf_counter()
        result = run_site("build", scratch_catalog, site)
        assert result.returncode == 0, result.stderr
        duration = time.perf_counter() - started
        digests[state] = tree_digest(site)
    assert digests["A"] != digests["B"]
    current, lost, outcomes = "A", 0, {"old site": 0, "new site": 0}
    watcher = Watcher(site)
    watcher.start()
    try:
        # The fractions of the reference build's time, then one kill timed by the site itself
        # (right after the new site appears): on a loaded machine a build may take twice as
        # long as its reference, and the drill must still cross the swap on both sides.
        for fraction in (*KILL_FRACTIONS, None):
            other = "B" if current == "A" else "A"
            set_state(scratch_catalog, other)
            build = start_build(scratch_catalog, site)
            if fraction is None:
                _wait_for_digest(site, digests[other], build)
            else:
                time.sleep(duration * fraction)
            with contextlib.suppress(ProcessLookupError):  # (the late kill may find it finished)
                os.killpg(build.pid, signal.SIGKILL)  # the build and its workers, as a cancelled CI job
            build.communicate()
            found = tree_digest(site)
            lost += 0 if found in (digests["A"], digests["B"]) else 1
            outcomes["new site" if found == digests[other] else "old site"] += 1
            current = "A" if found == digests["A"] else "B"
    finally:
        watcher.done.set()
        watcher.join()
    lost += len(watcher.incomplete)
    assert not watcher.incomplete, watcher.incomplete[:5]
    assert watcher.polls > 1000, watcher.polls
    assert all(outcomes.values()), outcomes  # the kills fell on both sides of the swap
    result = run_site("build", scratch_catalog, site)  # the next build sweeps what the kills left
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.glob(".site-building-*"))
    iterations = len(KILL_FRACTIONS) + 1
    seen = f"{watcher.polls} polls of site/, {outcomes['old site']} old, {outcomes['new site']} new"
    drills.report(f"kill -9 during a build ({seen})", iterations, lost)


def test_drill_two_builds_at_once(scratch_catalog: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_site("build", scratch_catalog, site).returncode == 0
    lost, pairs = 0, 3
    for _ in range(pairs):
        first = start_build(scratch_catalog, site)
        time.sleep(0.3)  # the first has the lock
        second = start_build(scratch_catalog, site)
        out_second = second.communicate()
        first.communicate()
        assert first.returncode == 0
        assert second.returncode == 1
        assert out_second[1] == (
            f"Build failed: another build (process {first.pid}) is writing {site}: wait for it to finish\n"
        )
        lost += len(missing_parts(site))
    drills.report("two builds at once", pairs, lost)


def test_the_site_is_world_readable(sample_site: Path) -> None:
    modes = {stat.S_IMODE(path.stat().st_mode) for path in [sample_site, *sample_site.rglob("*")]}
    assert modes == {0o755, 0o644}


def test_make_clean_removes_leftovers_of_killed_builds(tmp_path: Path) -> None:
    for leftover in (".site-building-abc123", "site", "site.old", ".cache/photos"):
        (tmp_path / leftover).mkdir(parents=True)
        (tmp_path / leftover / "file").write_text("x", encoding="utf-8")
    (tmp_path / ".site.lock").write_text("1\n", encoding="utf-8")
    (tmp_path / "products").mkdir()
    result = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "-C", str(tmp_path), "clean"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["products"]


def _media(site: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((site / "media").iterdir())}


def test_drill_damaged_cache_entries_are_encoded_again(scratch_catalog: Path, tmp_path: Path) -> None:
    for shade, photo in enumerate(sorted((scratch_catalog / "products").glob("*/main.jpg"))):
        make_photo(photo, colour=(40 + 20 * shade, 120, 60))  # distinct photos: distinct entries
    site = tmp_path / "site"
    assert run_site("build", scratch_catalog, site).returncode == 0
    good = _media(site)
    cache = scratch_catalog / ".cache" / "photos"
    manifests = sorted(path for path in cache.glob("*.json") if ".inspected-" not in path.name)
    entries = [json.loads(path.read_text()) for path in manifests[:3]]
    truncated = cache / entries[0]["variants"][0]["file"]
    truncated.write_bytes(truncated.read_bytes()[: truncated.stat().st_size // 2])
    emptied = cache / entries[1]["variants"][-1]["file"]
    emptied.write_bytes(b"")  # as a worker killed between open and write leaves it
    manifests[2].write_bytes(b"")
    for stray in (".tmp-999999999-a1b2c3.avif", ".tmp-999999999-d4e5f6"):  # a killed worker's
        (cache / stray).write_bytes(b"")
    # damage on the live site's side stays there: the site shares no file with the cache
    assert all(path.stat().st_nlink == 1 for path in (site / "media").iterdir())

    result = run_site("build", scratch_catalog, site)
    assert result.returncode == 0, result.stderr
    said = result.stderr
    assert f"photo cache: {truncated.name} has {truncated.stat().st_size} bytes" not in said  # re-encoded
    assert re.search(
        rf"WARNING - photo cache: {re.escape(truncated.name)} has \d+ bytes, not \d+; encoding ", said
    )
    assert f"photo cache: {emptied.name} has 0 bytes, not " in said
    assert f"photo cache: {manifests[2].name} unreadable (JSONDecodeError); encoding " in said
    assert not list(cache.glob(".tmp-*"))
    published = _media(site)
    lost = sum(1 for name, data in good.items() if published.get(name) != data)
    cached = {path.name: path.stat().st_ino for path in cache.iterdir()}
    shared = [path.name for path in (site / "media").iterdir() if path.stat().st_ino == cached.get(path.name)]
    assert not shared
    truncated.write_bytes(b"damaged after the build")
    lost += 0 if (site / "media" / truncated.name).read_bytes() == good[truncated.name] else 1
    drills.report("truncated, zero-byte and unreadable photo-cache entries", 3, lost)


def test_photo_cache_report_and_prune(scratch_catalog: Path, tmp_path: Path) -> None:
    assert run_site("build", scratch_catalog, tmp_path / "site").returncode == 0
    cache = scratch_catalog / ".cache" / "photos"
    (cache / "0123456789abcdef0123.json").write_text("{}", encoding="utf-8")  # an entry nobody uses
    (cache / "0123456789abcdef0123-480.avif").write_bytes(b"x" * 1000)
    env = {**os.environ, "MIFTAH_RECORDS": str(scratch_catalog)}
    command = [sys.executable, str(ROOT / "scripts" / "photo_cache.py")]
    report = subprocess.run(
        [*command, "report"], capture_output=True, text=True, env=env, check=False, timeout=120
    )
    assert report.returncode == 0, report.stderr
    assert re.fullmatch(
        rf"{re.escape(str(cache))}: \d+ entries, \d+ files, [\d.]+ MiB; unused by the records: 1 entries, "
        r"0\.0 MiB \(`make cache-prune` removes them\); temporary or stray files: 0\n",
        report.stdout,
    ), report.stdout
    prune = subprocess.run(
        [*command, "prune"], capture_output=True, text=True, env=env, check=False, timeout=120
    )
    assert prune.stdout == f"{cache}: removed 2 files, 0.0 MiB freed\n"
    assert not list(cache.glob("0123456789abcdef0123*"))
    again = run_site("build", scratch_catalog, tmp_path / "site")
    assert again.returncode == 0 and "encoding" not in again.stderr  # nothing in use was pruned


def _one_failure_line(stderr: str) -> str:
    """The build's output without its progress log: exactly one line is allowed."""
    lines = [line for line in stderr.splitlines() if not line.startswith("INFO")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_drill_disk_full_and_read_only_fail_in_one_line(scratch_catalog: Path, tmp_path: Path) -> None:
    lost = 0
    with small_filesystem(tmp_path / "small-site", "1m") as small:  # the pages do not fit
        (small / "keep.txt").write_text("was here before", encoding="utf-8")
        result = run_site("build", scratch_catalog, small / "site")
        assert result.returncode == 1
        line = _one_failure_line(result.stderr)
        full = rf"Build failed: No space left on device: {re.escape(str(small))}/\S+"
        assert re.fullmatch(full, line), line
        left = sorted(path.name for path in small.iterdir())
        lost += 0 if (small / "keep.txt").read_text(encoding="utf-8") == "was here before" else 1
        assert left == [".site.lock", "keep.txt"], left
    records_cache = scratch_catalog / ".cache"
    with small_filesystem(records_cache, "40k"):  # the photos do not fit in the cache
        result = run_site("build", scratch_catalog, tmp_path / "site")
        assert result.returncode == 1
        line = _one_failure_line(result.stderr)
        full = rf"Build failed: No space left on device: {re.escape(str(records_cache))}/\S+"
        assert re.fullmatch(full, line), line
        assert not list(records_cache.rglob(".tmp-*")), "temporary files left behind"
        assert not list(tmp_path.glob(".site-building-*"))
    with small_filesystem(tmp_path / "read-only", "1m", "ro") as read_only:
        result = run_site("build", scratch_catalog, read_only / "site")
        assert result.returncode == 1
        line = _one_failure_line(result.stderr)
        assert line == f"Build failed: Read-only file system: {read_only}/.site.lock", line
    drills.report("disk full (pages, photo cache) and read-only target", 3, lost)
