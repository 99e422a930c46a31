"""The web editor on the working copy: `python scripts/edit.py [--port 8081]` (make edit).

Serves the editor page (editor/ and its JavaScript from node_modules, as the published site does)
and Decap CMS's local backend API (the protocol of decap-server: POST /api/v1) on 127.0.0.1
only, over the records of this working copy (or of MIFTAH_RECORDS). It reads and writes only
record folders (products/, cooperatives/), refuses requests from any other origin, and never
commits: review the changes with `git diff`, then `make check`.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import http.server
import json
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.editing import editor  # noqa: E402
from miftah.publishing import site  # noqa: E402

HOST = "127.0.0.1"
WRITABLE = ("products/", "cooperatives/")
MAX_REQUEST_BYTES = 40 * 1024 * 1024


class Refused(Exception):
    pass


def inside(records: Path, relative: str) -> Path:
    """The file a request names, refused unless it lies in a record folder."""
    clean = relative.replace("\\", "/").lstrip("/")
    if not clean.startswith(WRITABLE) or ".." in clean.split("/"):
        raise Refused(f"not a record path: {relative}")
    path = (records / clean).resolve()
    if not path.is_relative_to(records):
        raise Refused(f"outside the records: {relative}")
    return path


def entry(records: Path, relative: str) -> dict[str, Any]:
    path = inside(records, relative)
    text = path.read_text(encoding="utf-8") if path.is_file() else None
    digest = hashlib.sha256(text.encode()).hexdigest() if text is not None else None
    return {"data": text, "file": {"path": relative, "id": digest}}


def media_file(records: Path, relative: str) -> dict[str, Any]:
    content = inside(records, relative).read_bytes()
    return {
        "id": hashlib.sha256(content).hexdigest(),
        "content": base64.b64encode(content).decode(),
        "encoding": "base64",
        "path": relative,
        "name": Path(relative).name,
    }


def listing(records: Path, folder: str, extension: str, depth: int) -> list[str]:
    base = inside(records, folder.rstrip("/") + "/")
    found = []
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if (
            path.is_file()
            and len(relative.parts) <= depth
            and (not extension or path.suffix == f".{extension}")
        ):
            found.append(f"{folder.rstrip('/')}/{relative.as_posix()}")
    return found


def answer(records: Path, action: str, params: dict[str, Any]) -> Any:
    """One local-backend action (decap-server's localFs protocol)."""
    if action == "info":
        return {"repo": records.name, "publish_modes": ["simple"], "type": "local_fs"}
    if action == "entriesByFolder":
        files = listing(records, params["folder"], params["extension"], int(params.get("depth", 1)))
        return [entry(records, path) for path in files]
    if action == "entriesByFiles":
        return [entry(records, file["path"]) for file in params["files"]]
    if action == "getEntry":
        return entry(records, params["path"])
    if action == "persistEntry":
        for data_file in params.get("dataFiles") or [params["entry"]]:
            target = inside(records, data_file["path"])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(data_file["raw"], encoding="utf-8")
        for asset in params.get("assets", []):
            target = inside(records, asset["path"])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(asset["content"]))
        return {"message": "entry persisted"}
    if action == "getMedia":
        folder = params.get("mediaFolder") or ""
        try:
            return [media_file(records, path) for path in listing(records, folder, "", 1)]
        except Refused:
            return []
    if action == "getMediaFile":
        return media_file(records, params["path"])
    if action == "persistMedia":
        asset = params["asset"]
        target = inside(records, asset["path"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(asset["content"]))
        return media_file(records, asset["path"])
    if action in ("deleteFile", "deleteFiles"):
        for relative in params.get("paths") or [params["path"]]:
            inside(records, relative).unlink(missing_ok=True)
        return {"message": "deleted"}
    if action == "getDeployPreview":
        return None
    raise Refused(f"unknown action {action}")


def handler(records: Path, page: Path, origin: str) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(page), **kwargs)

        def end_headers(self) -> None:
            self.send_header("X-Robots-Tag", "noindex")
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_POST(self) -> None:
            if self.path != "/api/v1" or self.headers.get("Origin", origin) != origin:
                self.send_error(403)
                return
            length = int(self.headers.get("Content-Length", "0"))
            if length > MAX_REQUEST_BYTES:
                self.send_error(413)
                return
            body = json.loads(self.rfile.read(length) or b"{}")
            try:
                result, status = answer(records, body.get("action", ""), body.get("params") or {}), 200
            except (Refused, OSError, KeyError, ValueError) as error:
                result, status = {"error": str(error)}, 422
            data = json.dumps(result).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            if "/api/v1" not in str(args[:1]):
                super().log_message(format, *args)

    return Handler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8081, help="0: any free port")
    args = parser.parse_args()
    records = site.records_root(ROOT)
    # Stopped by a service manager or a test (SIGTERM) as by Ctrl-C: the folder below is removed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with tempfile.TemporaryDirectory(prefix="miftah-editor-") as folder:
        page = Path(folder)
        try:
            editor.assemble(ROOT, page)
        except editor.EditorSetupError as error:
            print(f"Editor: {error}", file=sys.stderr)
            return 1
        server = http.server.ThreadingHTTPServer((HOST, args.port), handler(records, page, ""))
        origin = f"http://{HOST}:{server.server_address[1]}"
        server.RequestHandlerClass = handler(records, page, origin)
        print(f"Editor: {origin}/  (records: {records}; Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
