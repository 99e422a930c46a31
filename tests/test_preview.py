"""The preview server (`scripts/site.py serve`), run for real on the scratch catalog."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from support import ROOT


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_preview_answers_bad_paths_and_leaves_nothing_in_tmp(scratch_catalog: Path, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "MIFTAH_RECORDS": str(scratch_catalog), "TMPDIR": str(temporary)}
    command = [sys.executable, str(ROOT / "scripts" / "site.py"), "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if _status(f"{base}/zh/") == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "the preview never came up"
            time.sleep(0.5)
        assert _status(f"{base}/zh/%00") == 400
        assert _status(f"{base}/zh/no-such-page/") == 404
        assert _status(f"{base}/zh/") == 200  # still serving after them
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
    assert list(temporary.iterdir()) == []
