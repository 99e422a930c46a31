"""Every built page is valid HTML for the Nu Html Checker (vnu-jar from npm, run on Java once
over the whole site: the JVM takes seconds to start). Errors fail the test; warnings are
printed with the test's output (`pytest -rP` or a failure shows them)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from e2e.conftest import npm_tool, skip_or_fail

# Errors that Material for MkDocs writes itself, outside any template block we could override.
# Each is allowed by its exact message, with the reason; any other error fails the test.
MATERIAL_ERRORS = {
    # base.html writes the drawer and search toggles as <input type="checkbox" autocomplete="off">
    # outside any block. The attribute keeps Firefox from restoring an open drawer after "back";
    # our pages work without Material's JavaScript, so the CSS-only drawer needs it.
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
    "“tel”, “text”, “time”, “url”, or “week”.",
}


def test_every_page_is_valid_html(sample_site: Path) -> None:
    vnu = npm_tool("vnu-jar/build/dist/vnu.jar")
    java = shutil.which("java")
    if java is None:
        skip_or_fail("java is missing: install it with `sudo apt-get install default-jre-headless`")
    pages = sorted(sample_site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(vnu), "--format", "json", "--skip-non-html", str(sample_site)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]  # vnu writes its report on stderr
    checked = {message["url"] for message in messages}
    errors, warnings = [], []
    for message in messages:
        where = f"{message['url'].removeprefix('file:' + str(sample_site))}:{message.get('lastLine', '?')}"
        line = f"{where}: {message['message']}"
        if message["type"] == "error" and message["message"] not in MATERIAL_ERRORS:
            errors.append(f"{line}\n    {message.get('extract', '').strip()}")
        elif message["type"] != "error":
            warnings.append(line)
    allowed = Counter(m["message"] for m in messages if m["message"] in MATERIAL_ERRORS)
    print(f"vnu checked {len(pages)} pages; allowed Material errors: {dict(allowed)}")  # noqa: T201
    print("\n".join(["vnu warnings:", *warnings] if warnings else ["vnu warnings: none"]))  # noqa: T201
    assert len(pages) >= 90 and checked <= {f"file:{page}" for page in pages}
    assert errors == [], f"{len(errors)} errors, the first ones:\n" + "\n".join(errors[:20])
