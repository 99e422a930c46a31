"""Material's pruned stylesheets (``miftah.publishing.cssprune``) change nothing a buyer sees:
every kind of page, in the states a buyer puts it in (navigation drawer open, search results
shown, printed), is opened once as built and once with Material's whole stylesheets put back in
their place, at phone and desktop width, and every element and pseudo-element must have the
same computed style in both. (Computed styles, not screenshots: two screenshots of the same page
with the same stylesheet differ in a few pixels from run to run. Custom properties are compared
through the properties that use them: the pruned file writes ``\\3c`` in a string as ``<``.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import material
import pytest

from e2e.browser import DEVICES

MATERIAL_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

Prepare = Callable[[Any], None]


def _nothing(page: Any) -> None:
    pass


def _drawer_open(page: Any) -> None:
    page.click(".md-header label[for=__drawer]")


def _printed(page: Any) -> None:
    page.emulate_media(media="print")


def _results_shown(page: Any) -> None:
    page.wait_for_selector(".ms-search__results li", timeout=10_000)
    page.wait_for_load_state("networkidle")  # the other results, fetched after the first


VIEWS: dict[str, tuple[str, Prepare]] = {
    "home": ("zh/", _nothing),
    "catalog": ("zh/products/", _nothing),
    "catalog-drawer": ("zh/products/", _drawer_open),
    "category": ("fr/categories/cosmetic-oils/", _nothing),
    "product": ("zh/products/argan-oil-culinary/", _nothing),
    "product-printed": ("en/products/argan-oil-culinary/", _printed),
    "cooperative": ("zh/cooperatives/tifaout-argan/", _nothing),
    "cooperatives": ("en/cooperatives/", _nothing),
    "search": ("zh/search/?q=%E9%98%BF%E7%94%98%E6%B2%B9", _results_shown),
}
PHONE_ONLY = {"catalog-drawer"}


@pytest.fixture
def contexts(browser: Any, device: str) -> Iterator[tuple[Any, Any]]:
    """A tab with the site as built, and one where Material's whole stylesheets replace the
    pruned ones (same URLs, so nothing else differs)."""
    as_built = browser.new_context(locale="zh-CN", **DEVICES[device])
    whole = browser.new_context(locale="zh-CN", **DEVICES[device])
    whole.route("**/assets/stylesheets/*.min.css", _serve_material_original)
    yield as_built.new_page(), whole.new_page()
    as_built.close()
    whole.close()


def _serve_material_original(route: Any) -> None:
    stem = route.request.url.rsplit("/", 1)[1].split(".")[0]  # main.<hash>.min.css → main
    (original,) = MATERIAL_STYLESHEETS.glob(f"{stem}.*.min.css")
    route.fulfill(body=original.read_bytes(), content_type="text/css")


# Every element's and pseudo-element's computed style: [name, hash of its values] pairs, and the
# values themselves for the names asked (a page's whole styles are too many to hand over).
_STYLES = """(wanted) => {
  const found = [];
  document.querySelectorAll("body, body *").forEach((element, index) => {
    const pseudos = [null, "::before", "::after"];
    if (element.tagName === "LI") pseudos.push("::marker");
    if (element.tagName === "INPUT") pseudos.push("::placeholder");
    for (const pseudo of pseudos) {
      const style = getComputedStyle(element, pseudo);
      const name = index + " " + element.tagName + "." + element.getAttribute("class") + (pseudo || "");
      const values = [...style].filter(p => !p.startsWith("--"));
      values.forEach((p, i) => { values[i] = p + ": " + style.getPropertyValue(p); });
      if (wanted) { if (wanted.includes(name)) found.push([name, values]); continue; }
      let hash = 2166136261;
      const text = values.join(";");
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
      found.push([name, hash >>> 0]);
    }
  });
  return found;
}"""


def _styles(page: Any, url: str, prepare: Prepare) -> dict[str, int]:
    page.emulate_media(media="screen")
    page.goto(url)
    prepare(page)
    # Transitions run out first (the drawer slides for 0.25 s): mid-way, the two tabs differ.
    # One cancelled on the way (its transition replaced) counts as run out.
    page.evaluate(
        "Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),"
        " new Promise(done => setTimeout(done, 3000))])"
    )
    return dict(page.evaluate(_STYLES, None))


def _differences(pruned: Any, whole: Any, names: list[str]) -> list[str]:
    """The first properties that differ on the elements ``names``, one line each (pages open)."""
    ours, theirs = dict(pruned.evaluate(_STYLES, names)), dict(whole.evaluate(_STYLES, names))
    lines = [
        f"{n} {a} (whole: {b})" for n in names for a, b in zip(ours[n], theirs[n], strict=False) if a != b
    ]
    return lines[:8]


@pytest.mark.parametrize("device", DEVICES)
def test_pruned_stylesheets_style_every_page_as_the_whole_ones(
    contexts: tuple[Any, Any], site_url: str, device: str
) -> None:
    as_built, whole = contexts
    compared = 0
    for name, (path, prepare) in VIEWS.items():
        if name in PHONE_ONLY and device != "phone":
            continue
        url = f"{site_url}/{path}"
        pruned, original = _styles(as_built, url, prepare), _styles(whole, url, prepare)
        assert list(pruned) == list(original), name
        different = [element for element, digest in pruned.items() if original[element] != digest]
        assert different == [], f"{name}: {_differences(as_built, whole, different[:3])}"
        compared += len(pruned)
    assert compared > 5_000  # the pages were there: elements and pseudo-elements compared


def test_the_pages_load_the_pruned_stylesheet_under_its_own_name(sample_site: Path) -> None:
    (built,) = (sample_site / "zh" / "assets" / "stylesheets").glob("main.*.min.css")
    (original,) = MATERIAL_STYLESHEETS.glob("main.*.min.css")
    assert built.name != original.name  # renamed by content: a browser never keeps the whole one
    assert built.stat().st_size < original.stat().st_size / 2  # the point: ~50 KB of its 137 KB
    assert not list(built.parent.glob("*.map"))  # Material's source maps described the whole file
    page = (sample_site / "zh" / "products" / "index.html").read_text("utf-8")
    assert f'href="../assets/stylesheets/{built.name}"' in page
