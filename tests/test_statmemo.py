"""File hashes remembered across builds on the file's stat (``miftah.media.statmemo``): an
unchanged file is not read again, any write is seen (even one that keeps the size and puts the
modification time back), a file written moments ago is not trusted across builds, and a
damaged memo is an empty one."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from miftah.media import statmemo
from miftah.media.statmemo import StatMemo


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refuse(path: Path) -> str:
    raise AssertionError(f"{path.name} was read again")


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of this test count as old enough (their times are seconds away from 'now')."""
    monkeypatch.setattr(statmemo, "RACY_S", 0.0)


def test_an_unchanged_file_is_not_read_by_the_next_build(tmp_path: Path, settled: None) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"first photo")
    store = tmp_path / "cache" / statmemo.MEMO_FILE
    first = StatMemo(store)
    assert first.value(photo, "sha256", _sha) == _sha(photo)
    first.save()
    assert StatMemo(store).value(photo, "sha256", _refuse) == _sha(photo)


def test_a_write_that_keeps_size_and_modification_time_is_seen(tmp_path: Path, settled: None) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"first photo")
    store = tmp_path / statmemo.MEMO_FILE
    memo = StatMemo(store)
    memo.value(photo, "sha256", _sha)
    memo.save()
    times = photo.stat()
    photo.write_bytes(b"other photo")  # same length
    os.utime(photo, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert StatMemo(store).value(photo, "sha256", _sha) == hashlib.sha256(b"other photo").hexdigest()


def test_a_file_written_moments_ago_is_not_remembered_across_builds(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"just written")
    store = tmp_path / statmemo.MEMO_FILE
    memo = StatMemo(store)
    memo.value(photo, "sha256", _sha)
    assert memo.value(photo, "sha256", _refuse) == _sha(photo)  # this process may keep it
    memo.save()
    with pytest.raises(AssertionError, match="read again"):
        StatMemo(store).value(photo, "sha256", _refuse)


def test_purposes_are_kept_apart(tmp_path: Path, settled: None) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"photo")
    memo = StatMemo(tmp_path / statmemo.MEMO_FILE)
    assert memo.value(photo, "sha256", _sha) == _sha(photo)
    assert memo.value(photo, "length", lambda path: str(path.stat().st_size)) == "5"


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"version": 1, "entries": []}', b"[1, 2]"])
def test_a_damaged_memo_is_an_empty_one(tmp_path: Path, settled: None, content: bytes) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"photo")
    store = tmp_path / statmemo.MEMO_FILE
    store.write_bytes(content)
    memo = StatMemo(store)
    assert memo.value(photo, "sha256", _sha) == _sha(photo)
    memo.save()
    assert StatMemo(store).value(photo, "sha256", _refuse) == _sha(photo)
