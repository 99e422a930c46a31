"""Browser helpers for the journeys: device profiles, the three browser languages, and a tab
that records every request, failed request, error response and console error it sees.

Tabs are shared: one browser context (and one page) per browser language and device for the
whole session, so the suite does not pay for a new context in every test. A tab's records are
cleared when a test takes it, and the ``tab`` fixture checks them when the test ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
DEVICES: dict[str, dict[str, Any]] = {"phone": PHONE, "desktop": DESKTOP}

# The browser's language → the language of the site it should land on.
LOCALES: dict[str, str] = {"zh-CN": "zh", "fr-FR": "fr", "en-US": "en"}

# Sum of layout-shift scores since the document started (not counting shifts caused by input).
_LAYOUT_SHIFT_SCRIPT = (
    "window.__shift = 0; new PerformanceObserver(list => list.getEntries().forEach("
    "e => { if (!e.hadRecentInput) window.__shift += e.value; }))"
    ".observe({type: 'layout-shift', buffered: true});"
)


@dataclass
class Visit:
    """A browser tab that records, page by page, what a buyer would not see but suffer from."""

    page: Any
    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    expected_missing: set[str] = field(default_factory=set)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith((self.origin, "data:", "blob:"))]

    def reset(self) -> None:
        for records in (self.requests, self.failures, self.errors, self.visited):
            records.clear()
        self.expected_missing.clear()

    def expect_missing(self, url: str) -> None:
        """A 404 this test asks for on purpose (the missing-page journey)."""
        self.expected_missing.add(url)

    def problems(self) -> list[str]:
        """Everything wrong on the pages visited since the last reset, one line each."""
        return (
            [f"request to another host: {url}" for url in self.foreign_requests()]
            + [f"failed request: {failure}" for failure in self.failures]
            + [f"console error: {error}" for error in self.errors]
        )

    def layout_shift(self) -> float:
        return float(self.page.evaluate("window.__shift"))


def open_page(browser: Any, site_url: str, locale: str, device: dict[str, Any]) -> Visit:
    """A new browser context with one recording tab, its browser language set to ``locale``."""
    context = browser.new_context(locale=locale, **device)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.add_init_script(_LAYOUT_SHIFT_SCRIPT)
    visit = Visit(page, site_url)

    def failed(request: Any) -> None:
        # An aborted request is one the test navigated away from, not a failure of the site.
        if "ERR_ABORTED" not in (request.failure or ""):
            visit.failures.append(f"{request.url} ({request.failure})")

    def answered(response: Any) -> None:
        if response.status >= 400 and response.url not in visit.expected_missing:
            visit.failures.append(f"{response.url} (HTTP {response.status})")

    def console(message: Any) -> None:
        # A 404 the test asked for is reported by Chromium as a console error too.
        if message.type == "error" and not (visit.expected_missing and "status of 404" in message.text):
            visit.errors.append(f"{message.text} (on {page.url})")

    def navigated(frame: Any) -> None:
        if frame == page.main_frame:
            visit.visited.append(frame.url)

    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("requestfailed", failed)
    page.on("response", answered)
    page.on("console", console)
    page.on("pageerror", lambda error: visit.errors.append(f"{error} (on {page.url})"))
    page.on("framenavigated", navigated)
    return visit
