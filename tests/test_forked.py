"""Steps run side by side in forked processes (``miftah.publishing.forked``): their files are
the parent's, a failing step's own exception reaches the parent, and a step that dies or cannot
hand its error back still fails the build in one line."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from miftah.publishing import forked


def _write(path: Path, text: str) -> forked.Job:
    def write() -> None:
        path.write_text(text, encoding="utf-8")

    return write


def test_every_step_runs_and_leaves_its_files(tmp_path: Path) -> None:
    jobs = {f"step {n}": _write(tmp_path / f"{n}.txt", f"from {n}") for n in range(5)}
    forked.run_all(jobs, workers=3)
    assert sorted(path.read_text("utf-8") for path in tmp_path.iterdir()) == [f"from {n}" for n in range(5)]


def test_a_step_s_own_error_reaches_the_parent_and_stops_the_others(tmp_path: Path) -> None:
    def fail() -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "zh" / "index.html"))

    def slow() -> None:
        time.sleep(30)
        (tmp_path / "late").touch()

    started = time.monotonic()
    with pytest.raises(OSError, match=r"No space left on device") as raised:
        forked.run_all({"the zh pages": fail, "the fr pages": slow}, workers=2)
    assert time.monotonic() - started < 10
    assert raised.value.filename == str(tmp_path / "zh" / "index.html")
    assert not (tmp_path / "late").exists()


def test_a_step_killed_by_a_signal_fails_in_one_line() -> None:
    def killed() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(forked.StepFailed, match=r"^the en pages stopped \(killed by SIGKILL\)$"):
        forked.run_all({"the en pages": killed, "the photos": lambda: None}, workers=2)


class _Unrebuildable(Exception):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} and {second}")


def test_an_error_that_cannot_cross_processes_keeps_its_words() -> None:
    def fail() -> None:
        raise _Unrebuildable("a template", "a missing variable")

    with pytest.raises(forked.StepFailed, match=r"^_Unrebuildable: a template and a missing variable$"):
        forked.run_all({"the fr pages": fail, "the photos": lambda: None}, workers=2)


def test_one_worker_runs_the_steps_in_this_process(tmp_path: Path) -> None:
    seen: list[int] = []
    forked.run_all({"a": lambda: seen.append(os.getpid()), "b": lambda: seen.append(os.getpid())}, workers=1)
    assert seen == [os.getpid(), os.getpid()]


def test_a_step_apart_hands_back_what_it_returns_and_leaves_the_parent_as_it_was() -> None:
    grown: list[bytes] = []

    def read_a_lot() -> dict[str, int]:
        grown.append(b"x" * 50_000_000)  # in the child only
        return {"pid": os.getpid(), "held": len(grown[0])}

    result = forked.run_apart("the pages", read_a_lot)
    assert result["pid"] != os.getpid() and result["held"] == 50_000_000
    assert grown == []


def test_a_step_apart_raises_its_own_error_or_says_how_it_died(tmp_path: Path) -> None:
    def fail() -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "zh"))

    with pytest.raises(OSError, match=r"No space left on device"):
        forked.run_apart("the pages", fail)

    def killed() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(forked.StepFailed, match=r"^the pages stopped \(killed by SIGKILL\)$"):
        forked.run_apart("the pages", killed)
