"""Browser fixtures: the built sample site served on 127.0.0.1 by the tests themselves, and
Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here);
shared tabs, one per browser language and device; the external checkers from npm.

Without Chromium the browser tests skip with a message saying how to install it, and without
node_modules the checker tests skip with "run npm ci" — except under CI=true, where a missing
browser or checker is a failure: CI must never skip them silently.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from e2e.browser import DEVICES, Visit, open_page
from support import ROOT

CHROMIUM = os.environ.get("MIFTAH_CHROMIUM", "/usr/bin/chromium")
NODE_MODULES = ROOT / "node_modules"
# Screenshots for people to look at (CI keeps this folder as an artifact; it is gitignored).
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

Tab = Callable[[str, str], Visit]


def skip_or_fail(message: str) -> NoReturn:
    """Skip locally, fail under CI=true: CI must never skip a browser or checker test silently."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def npm_tool(relative: str) -> Path:
    """A file of an npm checker installed by `npm ci` (package.json, package-lock.json)."""
    path = NODE_MODULES / relative
    if not path.is_file():
        skip_or_fail(f"{path} is missing: run `npm ci` in the repository to install the checkers")
    return path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files like a static host: the root 404.html for any missing path."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 like a static host, for as long as the fixture lives."""
    handler = functools.partial(_SiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    yield from serve(sample_site)


@pytest.fixture(scope="session")
def gaps_url(gaps_site: Path) -> Iterator[str]:
    yield from serve(gaps_site)


@pytest.fixture(scope="session")
def long_url(long_site: Path) -> Iterator[str]:
    yield from serve(long_site)


@pytest.fixture(scope="session")
def realworld_url(realworld_site: Path) -> Iterator[str]:
    yield from serve(realworld_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        skip_or_fail(f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _tabs(browser: Any, site_url: str) -> Iterator[dict[tuple[str, str], Visit]]:
    tabs: dict[tuple[str, str], Visit] = {}
    yield tabs
    for visit in tabs.values():
        visit.page.context.close()


@pytest.fixture
def tab(_tabs: dict[tuple[str, str], Visit], site_url: str, browser: Any) -> Iterator[Tab]:
    """``tab(locale, device)``: the shared tab for that browser language and device ("phone" or
    "desktop"), its records cleared. When the test ends, every page it visited in any tab must
    have made no request to another host, no failed request and no console error."""
    used: list[Visit] = []

    def take(locale: str, device: str) -> Visit:
        key = (locale, device)
        if key not in _tabs:
            _tabs[key] = open_page(browser, site_url, locale, DEVICES[device])
        visit = _tabs[key]
        visit.reset()
        used.append(visit)
        return visit

    yield take
    problems = [problem for visit in used for problem in visit.problems()]
    if problems:
        visited = sorted({url for visit in used for url in visit.visited})
        pytest.fail("\n".join(["Pages visited: " + ", ".join(visited), *problems]), pytrace=False)
