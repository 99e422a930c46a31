"""The built site's folder on disk: one build at a time, a complete site at every instant.

A build writes into a working folder beside the target (``.site-building-…``) and, when every
step succeeded, exchanges it with the target in one ``renameat2(RENAME_EXCHANGE)`` call: at any
instant ``site/`` is a plain folder holding either the old complete site or the new one, even
if the build is killed (``kill -9``) at that very moment. A lock file beside the target
(``.site.lock``, an ``flock`` the kernel drops when its process dies) refuses a second build
while one runs. Working folders of killed builds are removed by the next build.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_libc = ctypes.CDLL(None, use_errno=True)
DIR_MODE = 0o755  # world-readable: a web server running as another user can serve the site
FILE_MODE = 0o644


class BuildBusy(Exception):
    """Another build holds the lock of the same target."""


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


def work_prefix(target: Path) -> str:
    return f".{target.name}-building-"


@contextlib.contextmanager
def exclusive(target: Path) -> Iterator[None]:
    """Hold the target's build lock, or raise ``BuildBusy`` at once (one line, with the pid)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(lock_path(target), os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode(errors="replace").strip() or "?"
            raise BuildBusy(
                f"another build (process {holder}) is writing {target}: wait for it to finish"
            ) from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(descriptor)


def sweep_leftovers(target: Path) -> list[Path]:
    """Remove the working folders that killed builds left beside ``target`` (call it under the
    lock); an old-style ``site.old`` is put back when it is the only copy. Returns what went."""
    removed = []
    for leftover in sorted(target.parent.glob(work_prefix(target) + "*")):
        shutil.rmtree(leftover, ignore_errors=True)
        removed.append(leftover)
    retired = target.with_name(target.name + ".old")
    if retired.is_dir() and not target.exists():
        retired.replace(target)
    elif retired.is_dir():
        shutil.rmtree(retired, ignore_errors=True)
        removed.append(retired)
    return removed


def new_workdir(target: Path) -> Path:
    workdir = Path(tempfile.mkdtemp(prefix=work_prefix(target), dir=target.parent))
    workdir.chmod(DIR_MODE)
    return workdir


def make_readable(folder: Path) -> None:
    """Every folder 0755 and file 0644, whatever the umask: the same tree for every reader."""
    folder.chmod(DIR_MODE)
    for path in folder.rglob("*"):
        if not path.is_symlink():
            path.chmod(DIR_MODE if path.is_dir() else FILE_MODE)


def swap_into_place(finished: Path, target: Path) -> None:
    """Put ``finished`` at ``target`` in one atomic step; the old site is then removed."""
    if not target.exists():
        finished.replace(target)
        return
    exchange(finished, target)
    shutil.rmtree(finished)  # now the old site; a kill here leaves a leftover for the next build


def exchange(first: Path, second: Path) -> None:
    """Swap two paths atomically (Linux ``renameat2``); on a file system without it, two renames
    whose gap ``sweep_leftovers`` repairs (``site.old`` is put back)."""
    if _libc.renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return
    code = ctypes.get_errno()
    if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        raise OSError(code, os.strerror(code), str(second))
    retired = second.with_name(second.name + ".old")
    second.replace(retired)
    first.replace(second)
    retired.replace(first)
