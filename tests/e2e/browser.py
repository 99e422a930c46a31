"""Browser helpers for the journeys: device profiles, and a page that records every request,
failure and console error it sees."""

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


@dataclass
class Visit:
    """A browser page that records every request, failure and console error it sees."""

    page: Any
    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith((self.origin, "data:", "blob:"))]


def open_page(browser: Any, site_url: str, locale: str, device: dict[str, Any]) -> Visit:
    context = browser.new_context(locale=locale, **device)
    page = context.new_page()
    visit = Visit(page, site_url)

    def failed(request: Any) -> None:
        # An aborted request is one the test navigated away from, not a failure of the site.
        if "ERR_ABORTED" not in (request.failure or ""):
            visit.failures.append(request.url)

    def console(message: Any) -> None:
        if message.type == "error":
            visit.errors.append(message.text)

    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("requestfailed", failed)
    page.on("console", console)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    return visit
