"""Every link in the built site leads somewhere: each href, src, srcset and url() in the pages,
stylesheets and sitemap resolves to a file of site/ (a folder means its index.html), and each
#anchor exists in the page it points into.

Addresses under the site's own published URL (canonical, hreflang, Open Graph, sitemap) and
root-relative paths under its base path (the 404 pages use them) are mapped back into site/;
mailto:, tel:, data: and links to other sites are not followed. Pagefind's own files are not
read (its script fetches them; the search journeys exercise it).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SITE_URL = os.environ.get("SITE_URL") or "https://miftah-souk.github.io/catalog/"
LOCAL = "http://local.invalid/"  # pages are resolved against this stand-in origin
URL_ATTRIBUTES = {"href", "src", "action", "poster", "data"}
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
SITEMAP_URL = re.compile(r"""(?:<loc>|href=")([^<"]+)""")
NOT_FOLLOWED = ("mailto:", "tel:", "data:", "javascript:", "blob:")


class _PageScan(HTMLParser):
    """The ids (and a[name]) a page defines, and every address it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[str] = []
        self.content_attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name, value in values.items():
            if name in URL_ATTRIBUTES and not (tag == "a" and name == "data"):
                self.references.append(value.strip())
            elif name in SRCSET_ATTRIBUTES:
                self.references += [item.split()[0] for item in value.split(",") if item.strip()]
            elif name == "style":
                self.references += CSS_URL.findall(value)
        if tag == "meta" and values.get("property", "").startswith("og:") and "content" in values:
            content = values["content"]
            if content.startswith(SITE_URL):
                self.references.append(content)


def page_url(site: Path, file: Path) -> str:
    return LOCAL + file.relative_to(site).as_posix()


def target_of(site: Path, address: str) -> tuple[Path | None, str]:
    """The file an absolute local address leads to (None if missing), and its fragment."""
    parts = urlsplit(address)
    path = site / unquote(parts.path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return (path if path.is_file() else None), parts.fragment


def local_address(reference: str, base: str) -> str | None:
    """The reference as an address on the stand-in origin, or None if it is not followed."""
    site_path = urlsplit(SITE_URL).path
    if reference.startswith(NOT_FOLLOWED) or reference == "":
        return None
    if reference.startswith(SITE_URL):
        return LOCAL + reference.removeprefix(SITE_URL)
    if reference.startswith("/") and not reference.startswith("//"):
        assert reference.startswith(site_path), f"root-relative path outside {site_path}: {reference}"
        return LOCAL + reference.removeprefix(site_path)
    if urlsplit(reference).scheme or reference.startswith("//"):
        return None  # another site
    return urljoin(base, reference)


def test_every_internal_link_and_anchor_resolves(sample_site: Path) -> None:
    site = sample_site
    pages = sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts)
    stylesheets = sorted(path for path in site.rglob("*.css") if "pagefind" not in path.parts)
    ids: dict[Path, set[str]] = {}
    references: dict[Path, list[str]] = defaultdict(list)
    for page in pages:
        scan = _PageScan()
        scan.feed(page.read_text(encoding="utf-8"))
        ids[page] = scan.ids
        references[page] = scan.references
    for stylesheet in stylesheets:
        references[stylesheet] = CSS_URL.findall(stylesheet.read_text(encoding="utf-8"))
    sitemap = site / "sitemap.xml"
    references[sitemap] = SITEMAP_URL.findall(sitemap.read_text(encoding="utf-8"))

    broken, checked = [], 0
    for source, found in references.items():
        base = page_url(site, source)
        for reference in found:
            address = local_address(reference, base)
            if address is None:
                continue
            checked += 1
            target, fragment = target_of(site, address)
            where = f"{source.relative_to(site)}: {reference}"
            if target is None:
                broken.append(f"{where} → no such file")
            elif fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
                broken.append(f"{where} → no id {fragment!r} in {target.relative_to(site)}")
    print(f"links: {checked} references checked in {len(references)} files")  # noqa: T201
    assert len(pages) >= 90 and checked > 1000
    assert broken == [], f"{len(broken)} broken, the first ones:\n" + "\n".join(broken[:30])
