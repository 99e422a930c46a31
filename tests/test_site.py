"""The real build of the sample catalog, read as a browser and a search engine would."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from htmlscan import elements, find, text
from miftah.languages import CODES, LANGUAGES
from support import ROOT, Edit, line_of, run_site

BASE = "https://miftah-souk.github.io/catalog/"
PRODUCTS = sorted(p.name for p in (ROOT / "products").iterdir() if p.is_dir())
COOPERATIVES = sorted(p.name for p in (ROOT / "cooperatives").iterdir() if p.is_dir())
RESOURCE_ATTRIBUTES = ("src", "srcset", "poster", "data")


def record_pages() -> list[str]:
    return [f"products/{s}/" for s in PRODUCTS] + [f"cooperatives/{s}/" for s in COOPERATIVES]


@pytest.mark.parametrize("code", CODES)
def test_every_record_has_its_page_in_every_language(sample_site: Path, code: str) -> None:
    for path in ["", "products/", "cooperatives/", "search/", *record_pages()]:
        assert (sample_site / code / path / "index.html").is_file(), f"{code}/{path}"
    assert (sample_site / code / "404.html").is_file()


@pytest.mark.parametrize("language", LANGUAGES, ids=CODES)
def test_pages_declare_their_language_and_alternates(sample_site: Path, language: object) -> None:
    code, html_lang = language.code, language.html_lang  # type: ignore[attr-defined]
    for path in ["", "products/", *record_pages()]:
        page = sample_site / code / path / "index.html"
        (html,) = find(page, "html")
        assert html.attrs["lang"] == html_lang
        assert find(page, "meta", **{"http-equiv": "content-language"}) == []  # obsolete: <html lang>
        alternates = {e.attrs["hreflang"]: e.attrs["href"] for e in find(page, "link", rel="alternate")}
        assert alternates == {
            "zh-Hans": f"{BASE}zh/{path}",
            "fr": f"{BASE}fr/{path}",
            "en": f"{BASE}en/{path}",
            "x-default": f"{BASE}zh/{path}",
        }
        (canonical,) = find(page, "link", rel="canonical")
        assert canonical.attrs["href"] == f"{BASE}{code}/{path}"


@pytest.mark.parametrize("code", CODES)
def test_language_switcher_leads_to_the_same_record(sample_site: Path, code: str) -> None:
    for path in record_pages():
        page = sample_site / code / path / "index.html"
        links = find(page, "a", **{"class": "md-select__link"})
        targets = {}
        for link in links:
            resolved = urlsplit(urljoin(f"http://site/{code}/{path}", link.attrs["href"])).path
            targets[link.attrs["hreflang"]] = resolved
            assert (sample_site / resolved.lstrip("/") / "index.html").is_file(), resolved
        assert targets == {lang.html_lang: f"/{lang.code}/{path}" for lang in LANGUAGES}


def test_product_page_shows_the_record(sample_site: Path) -> None:
    page = sample_site / "zh/products/saffron-taliouine/index.html"
    words = text(page)
    assert "塔利温藏红花（西红花）" in words
    assert "塔利温藏红花合作社（示例）" in words
    assert "sample-taliouine" in words
    assert "苏斯-马塞大区" in words  # the region label, in Chinese
    assert "香料与调味品" in words  # the category label
    images = [img for img in find(page, "img") if "srcset" in img.attrs]  # the photos, not the logo
    assert len(images) == 2
    assert all(img.attrs["alt"] for img in images)
    assert all(img.attrs.get("width") and img.attrs.get("height") for img in images)


def test_cooperative_page_says_it_is_a_sample_and_lists_its_products(sample_site: Path) -> None:
    for code, notice in (("zh", "本合作社为虚构示例"), ("fr", "exemple fictif"), ("en", "fictional sample")):
        page = sample_site / code / "cooperatives/tifaout-argan/index.html"
        assert notice in text(page)
        hrefs = {e.attrs.get("href") for e in elements(page) if e.tag == "a"}
        assert "../../products/argan-oil-culinary/" in hrefs
        assert "../../products/argan-oil-cosmetic/" in hrefs


def _references(path: Path) -> list[str]:
    if path.suffix == ".css":
        css = path.read_text(encoding="utf-8", errors="replace")
        return re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+['\"]([^'\"]+)", css)
    found = []
    for element in elements(path):
        for name in RESOURCE_ATTRIBUTES:
            if name in element.attrs:
                found += [part.split()[0] for part in element.attrs[name].split(",") if part.strip()]
        if element.tag == "link" and element.attrs.get("rel") not in ("canonical", "alternate"):
            found.append(element.attrs.get("href", ""))
    return found


def test_nothing_is_requested_from_another_host(sample_site: Path) -> None:
    offenders = []
    for path in [*sample_site.rglob("*.html"), *sample_site.rglob("*.css")]:
        for reference in _references(path):
            if reference.startswith(("//", "http:", "https:")):
                offenders.append(f"{path.relative_to(sample_site)}: {reference}")
    assert offenders == []
    assert not list(sample_site.rglob("*.woff*")), "no web font is shipped"


def test_root_offers_every_language_without_javascript(sample_site: Path) -> None:
    root = sample_site / "index.html"
    links = {e.attrs["hreflang"]: e.attrs["href"] for e in find(root, "a") if "hreflang" in e.attrs}
    assert links == {"zh-Hans": "zh/", "fr": "fr/", "en": "en/"}
    script = root.read_text(encoding="utf-8")
    assert 'var ours = ["zh", "fr", "en"];' in script
    assert 'location.replace("zh/");' in script  # Chinese when nothing matches


def test_one_sitemap_lists_every_page_with_its_alternates(sample_site: Path) -> None:
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for path in record_pages():
        for code in CODES:
            assert f"{BASE}{code}/{path}" in locs
    assert len(locs) == len(set(locs))
    assert sitemap.count('hreflang="x-default"') == len(locs)
    assert not list(sample_site.glob("*/sitemap.xml"))


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_invalid_record_fails_the_build_and_keeps_the_previous_site(
    scratch_catalog: Path, tmp_path: Path, edit: Edit
) -> None:
    site_dir = tmp_path / "site"
    assert run_site("build", scratch_catalog, site_dir).returncode == 0
    before = _fingerprint(site_dir)
    record = scratch_catalog / "products/saffron-taliouine/product.yml"
    edit(record, "  zh: 塔利温藏红花（西红花）\n", "")

    result = run_site("build", scratch_catalog, site_dir)

    assert result.returncode == 1
    assert result.stderr == (
        f"✖ products/saffron-taliouine/product.yml:{line_of(record, '  fr: Safran de Taliouine')} › name.zh\n"
        '  The "zh" translation is missing; this field requires it.\n'
        '  Fix: Add "zh: …" under this field.\n\n'
        "1 error(s), 0 warning(s).\n"
    )
    assert _fingerprint(site_dir) == before
    assert list(tmp_path.glob(".site-building-*")) == []  # the failed attempt left nothing behind


def test_record_text_never_becomes_markup(scratch_catalog: Path, tmp_path: Path, edit: Edit) -> None:
    product = scratch_catalog / "products/carob-powder/product.yml"
    edit(product, "  en: Carob powder", '  en: Carob <script>alert(1)</script> "powder"')
    text_yml = product.read_text(encoding="utf-8")
    description_en = text_yml.index("description:")
    head, tail = text_yml[:description_en], text_yml[description_en:]
    tail = tail.replace(
        "  en: |\n", "  en: |\n    <img src=x onerror=alert(1)> [click](javascript:alert(1))\n\n", 1
    )
    product.write_text(head + tail, encoding="utf-8")
    site_dir = tmp_path / "site"
    result = run_site("build", scratch_catalog, site_dir)
    assert result.returncode == 0, result.stderr

    page = site_dir / "en/products/carob-powder/index.html"
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    handlers = [(e.tag, name) for e in elements(page) for name in e.attrs if name.startswith("on")]
    assert handlers == []
    assert "javascript:" not in html


def test_missing_translation_is_borrowed_with_a_notice(
    scratch_catalog: Path, tmp_path: Path, edit: Edit
) -> None:
    product = scratch_catalog / "products/carob-powder/product.yml"
    text_yml = product.read_text(encoding="utf-8")
    start = text_yml.index("description:\n  zh: |\n")
    end = text_yml.index("  fr: |", start)
    product.write_text(text_yml[: start + len("description:\n")] + text_yml[end:], encoding="utf-8")
    site_dir = tmp_path / "site"
    assert run_site("build", scratch_catalog, site_dir).returncode == 0

    page = site_dir / "zh/products/carob-powder/index.html"
    assert "暂无中文翻译，以下为英语原文。" in text(page)
    (borrowed,) = [
        e for e in find(page, "div") if "ms-rich" in e.attrs.get("class", "") and "lang" in e.attrs
    ]
    assert borrowed.attrs["lang"] == "en"


@pytest.mark.parametrize("code", CODES)
def test_404_pages_are_not_indexed(sample_site: Path, code: str) -> None:
    page = sample_site / code / "404.html"
    assert find(page, "meta", name="robots", content="noindex")
    assert find(page, "link", rel="canonical") == []
