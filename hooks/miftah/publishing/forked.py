"""Independent steps of a build run side by side in forked processes, a few at a time; and a
step run apart (``run_apart``), so that the memory it fills ends with it.

A forked child starts with everything the build has already read and checked (the catalog, the
encoded photos' list), so a language's pages cost only their own rendering. A child that fails
hands its exception to the parent, which stops the others and raises it: the same error, and the
same one line on the command line, as when the steps run one after the other. A child dies with
its parent (Linux's parent-death signal), so a killed build leaves nothing writing behind it.

Fork is only safe where no other thread may hold a lock: the command-line build, not the preview
server (which runs its steps one by one).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

Job = Callable[[], None]
T = TypeVar("T")
_PR_SET_PDEATHSIG = 1


class StepFailed(RuntimeError):
    """A step whose child failed in a way that cannot be handed back as its own exception."""


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run_all(jobs: dict[str, Job], workers: int) -> None:
    """Run every job (named for messages), ``workers`` at a time, in the order given; raise the
    first failure once the running ones are stopped."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs.values():
            job()
        return
    context = multiprocessing.get_context("fork")
    pending = list(jobs.items())
    running: dict[Connection, tuple[str, Any]] = {}
    failure: BaseException | None = None
    try:
        while pending or running:
            while pending and len(running) < workers:
                name, job = pending.pop(0)
                receive, send = context.Pipe(duplex=False)
                child = context.Process(target=_child, args=(job, send, os.getpid()), name=f"miftah-{name}")
                child.start()
                send.close()
                running[receive] = (name, child)
            for ready in wait(list(running)):
                assert isinstance(ready, Connection)
                name, child = running.pop(ready)
                outcome = _outcome(ready)
                child.join()
                if outcome is None and child.exitcode != 0:
                    outcome = StepFailed(f"{name} stopped ({_exit_words(child.exitcode)})")
                if not isinstance(outcome, _Result):
                    failure = failure or outcome
            if failure is not None:
                break  # the others are stopped below: their work is lost with the build anyway
    finally:
        for _name, child in running.values():
            child.kill()
            child.join()
    if failure is not None:
        raise failure


def run_apart(name: str, job: Callable[[], T]) -> T:
    """``job()`` in a forked child, its result handed back: what the child read and built ends
    with it, and the parent goes on as small as it was."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(job, send, os.getpid()), name=f"miftah-{name}")
    child.start()
    send.close()
    try:
        outcome = _outcome(receive)
    finally:
        child.join()
    if isinstance(outcome, _Result):
        return outcome.value  # type: ignore[no-any-return]
    raise outcome or StepFailed(f"{name} stopped ({_exit_words(child.exitcode)})")


class _Result:
    """What a job returned, as the child hands it over (an exception is handed over as itself)."""

    def __init__(self, value: Any) -> None:
        self.value = value


def _child(job: Callable[[], Any], send: Connection, parent: int) -> None:
    _die_with_parent(parent)
    try:
        send.send_bytes(pickle.dumps(_Result(job())))
    except BaseException as error:  # handed to the parent, which decides
        send.send_bytes(_pickled(error))


def _pickled(error: BaseException) -> bytes:
    try:
        data = pickle.dumps(error)
        pickle.loads(data)  # an exception whose class cannot be rebuilt would fail in the parent
        return data
    except Exception:
        return pickle.dumps(StepFailed(f"{type(error).__name__}: {error}"))


def _outcome(ready: Connection) -> BaseException | _Result | None:
    try:
        data = ready.recv_bytes()
    except EOFError:  # it died before it could say (killed, out of memory): the exit code tells
        return None
    finally:
        ready.close()
    outcome: BaseException | _Result = pickle.loads(data)
    return outcome


def _exit_words(code: int | None) -> str:
    if code is not None and code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


def _die_with_parent(parent: int) -> None:
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the parent's kill -9 leaves it
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
