"""Hostile text in records: what a contributor types (or pastes) into a name or a summary never
becomes Markdown, an HTML id or an invisible character on a page.

Record texts are plain text everywhere but in the fields richtext.py renders: a name written as
Markdown (a link, an image, an ``{ #id }`` attribute list) is shown as written, never parsed by
MkDocs, so it cannot break the strict build or take the id of the inquiry builder's data."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from miftah.catalog.loading import load_catalog
from miftah.catalog.problems import format_problem
from miftah.catalog.textrules import has_script
from support import Edit, line_of, run_site

ARGAN = "products/argan-oil-culinary/product.yml"
TIFAOUT = "cooperatives/tifaout-argan/cooperative.yml"

MARKDOWN_NAME_EN = "Culinary argan oil { #ms-inquiry-data }"
MARKDOWN_NAME_FR = "Huile d'argan alimentaire [bio](bio)"
IMAGE_NAME_EN = "Tifaout Cooperative ![logo](logo.png)"


def heading(page: Path) -> tuple[str, str]:
    """The id and the text of the page's <h1>."""
    html = page.read_text(encoding="utf-8")
    match = re.search(r"<h1([^>]*)>(.*?)</h1>", html, re.S)
    assert match, page
    found = re.search(r'\bid="([^"]*)"', match.group(1))
    return (found.group(1) if found else ""), unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip()


def test_markdown_and_attribute_lists_in_names_are_shown_as_written(
    scratch_catalog: Path, edit: Edit, tmp_path: Path
) -> None:
    edit(scratch_catalog / ARGAN, "  en: Culinary argan oil\n", f'  en: "{MARKDOWN_NAME_EN}"\n')
    edit(scratch_catalog / ARGAN, "  fr: Huile d'argan alimentaire\n", f'  fr: "{MARKDOWN_NAME_FR}"\n')
    edit(scratch_catalog / TIFAOUT, "  en: Tifaout Cooperative (sample)\n", f'  en: "{IMAGE_NAME_EN}"\n')
    assert [problem.code for problem in load_catalog(scratch_catalog).problems] == []
    site_dir = tmp_path / "site"
    result = run_site("build", scratch_catalog, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr  # strict: no warning either
    en_page = site_dir / "en/products/argan-oil-culinary/index.html"
    heading_id, heading_text = heading(en_page)
    assert heading_text == MARKDOWN_NAME_EN
    assert heading_id == "ms-heading"  # the skip link's target, whatever the name says
    html = en_page.read_text(encoding="utf-8")
    assert html.count('id="ms-inquiry-data"') == 1
    data = re.search(r'<script type="application/json" id="ms-inquiry-data">(.*?)</script>', html, re.S)
    assert data and MARKDOWN_NAME_EN in json.dumps(json.loads(data.group(1)), ensure_ascii=False)
    assert heading(site_dir / "fr/products/argan-oil-culinary/index.html")[1] == MARKDOWN_NAME_FR
    assert heading(site_dir / "en/cooperatives/tifaout-argan/index.html")[1] == f"{IMAGE_NAME_EN} Sample"
    for page in site_dir.rglob("*.html"):  # no link or image made out of a record's name
        text = page.read_text(encoding="utf-8")
        assert 'href="bio"' not in text and 'src="logo.png"' not in text, page


# Invisible and control characters in a translated name or summary, written as YAML escapes
# (a raw NUL or ESC is refused by the YAML reader before any field is read).
HOSTILE_CHARACTERS = {
    "NUL": ("\\0", "\\u0000"),
    "ESC": ("\\e", "\\u001b"),
    "zero-width space U+200B": ("\\u200b", "\\u200b"),
    "right-to-left override U+202E": ("\\u202e", "\\u202e"),
    "line separator U+2028": ("\\L", "\\u2028"),
}
SUMMARY_EN = (
    "Cold-pressed from roasted kernels, with a toasted nutty flavour; made by a women's cooperative near "
    "Essaouira."
)
SUMMARY_ZH = (
    "烘焙果仁冷榨的食用摩洛哥坚果油，色泽金黄，坚果香浓郁，产自索维拉附近阿甘林，女性合作社手工去壳。"
)
FIELDS = {  # field: (its language's key, the text written in the sample, where the character goes)
    "name.en": ("en", "Culinary argan oil", 8),
    "name.fr": ("fr", "Huile d'argan alimentaire", 5),
    "summary.en": ("en", SUMMARY_EN, 4),
    "summary.zh": ("zh", SUMMARY_ZH, 2),
}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("character", HOSTILE_CHARACTERS)
def test_invisible_and_control_characters_are_refused_in_translated_texts(
    scratch_catalog: Path, edit: Edit, character: str, field: str
) -> None:
    escape, shown = HOSTILE_CHARACTERS[character]
    key, text, at = FIELDS[field]
    record = scratch_catalog / ARGAN
    edit(record, f"  {key}: {text}\n", f'  {key}: "{text[:at]}{escape}{text[at:]}"\n')
    echoed = f"{text[:at]}{shown}{text[at:]}"
    echoed = echoed if len(echoed) <= 60 else echoed[:59] + "…"  # long values are cut in messages
    assert [format_problem(problem, "en") for problem in load_catalog(scratch_catalog).problems] == [
        f"✖ {ARGAN}:{line_of(record, text[:at] + escape)} › {field}\n"
        f"  The value contains an invisible or control character ({echoed}).\n"
        "  Fix: Delete the value and type it again (do not copy and paste)."
    ]


@pytest.mark.parametrize(
    ("text", "script", "expected"),
    [
        ("Huile 油", "cjk", True),
        ("\U00020000", "cjk", True),  # CJK extension B: outside the Basic Multilingual Plane
        ("\u33ff\u4dc0", "cjk", False),  # just outside the first range, a hexagram symbol
        ("\u9fff", "cjk", True),
        ("زيت أركان", "arabic", True),
        ("\u2d30", "tifinagh", True),
        ("Argan oil, 100 %", "arabic", False),
        ("", "cjk", False),
    ],
)
def test_a_script_is_found_by_its_characters(text: str, script: str, expected: bool) -> None:
    assert has_script(text, script) is expected
