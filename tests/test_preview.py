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
from typing import Any

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
        server.send_signal(signal.SIGTERM)  # what a service manager sends; Ctrl-C does the same
        server.communicate(timeout=30)
    assert list(temporary.iterdir()) == []


def _body(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return int(answer.status), answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _answers(url: str, status: int) -> bool:
    try:
        return _status(url) == status
    except OSError:  # not listening yet
        return False


def _wait_for(check: Any, what: str, server: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert server.poll() is None and time.monotonic() < deadline, what
        time.sleep(0.5)


def test_preview_shows_a_broken_record_in_the_browser_until_it_is_fixed(
    scratch_catalog: Path, tmp_path: Path
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "MIFTAH_RECORDS": str(scratch_catalog), "LANG": "C.UTF-8"}
    command = [
        sys.executable,
        str(ROOT / "scripts" / "site.py"),
        "serve",
        "--port",
        str(port),
        "--lang",
        "en",
    ]
    log = (tmp_path / "preview.log").open("wb")  # a file, not a pipe nobody reads: a full pipe blocks
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    record = scratch_catalog / "products" / "carob-powder" / "product.yml"
    original = record.read_text(encoding="utf-8")
    try:
        _wait_for(lambda: _answers(f"{base}/fr/", 200), "the preview never came up", server)
        record.write_text(original.replace("category: carob", "category: carobs"), encoding="utf-8")
        _wait_for(lambda: _answers(f"{base}/fr/", 500), "the failure never reached the browser", server)
        status, page = _body(f"{base}/fr/products/")
        assert status == 500
        assert "<title>La prévisualisation n&#x27;a pas pu être construite</title>" in page
        assert "products/carob-powder/product.yml:" in page and "› category" in page
        assert "Fix: Write &quot;carob&quot;." in page  # the fix, as the terminal says it
        assert "livereload" in page  # the page reloads by itself once fixed
        record.write_text(original, encoding="utf-8")
        _wait_for(lambda: _answers(f"{base}/fr/", 200), "the fixed site never came back", server)
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
        log.close()
