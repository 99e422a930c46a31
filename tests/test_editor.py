"""The web editor's configuration follows the schema: every field of both record kinds is in the
form (100 %), with the schema's choices, sizes and patterns; the committed editor/config.json is
up to date; the editor's JavaScript writes every record exactly as `make format` does; the page
asks search engines to stay away and names no other host."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from miftah.catalog.kinds import Choice, ListOf, Record
from miftah.catalog.schema import COOPERATIVE, PRODUCT, PROGRAMME
from miftah.editing import editor, recordformat
from support import ROOT

SCHEMAS = {"product": PRODUCT, "cooperative": COOPERATIVE, "programme": PROGRAMME}
NODE = shutil.which("node")


def form_paths(fields: list[dict[str, Any]], prefix: str = "") -> list[str]:
    paths = []
    for config in fields:
        path = f"{prefix}.{config['name']}" if prefix else config["name"]
        paths.append(path)
        inner = config.get("fields", [])
        if config.get("widget") == "list" and inner:
            paths += form_paths(inner, f"{path}[]")
        else:
            paths += form_paths(inner, path)
    return paths


@pytest.mark.parametrize("lang", editor.UI_LANGUAGES)
@pytest.mark.parametrize("name", editor.RECORDS)
def test_every_schema_field_is_in_the_form(name: str, lang: str) -> None:
    collection = next(c for c in editor.cms_config(lang)["collections"] if c["name"] == editor.FOLDERS[name])
    assert form_paths(collection["fields"]) == editor.field_paths(editor.RECORDS[name])


def test_choices_sizes_and_required_follow_the_schema() -> None:
    fields = {f["name"]: f for f in editor.cms_config("fr")["collections"][1]["fields"]}
    assert [o["value"] for o in fields["category"]["options"]] == Choice(vocabulary="categories").ids()
    assert fields["name"]["required"] and fields["name"]["fields"][0]["required"]  # zh
    photos = fields["photos"]
    assert photos["widget"] == "list" and photos["max"] == 12
    hs_code = fields["hs_code"]
    assert re.fullmatch(hs_code["pattern"][0], "1515.90") and not re.fullmatch(
        hs_code["pattern"][0], "151590"
    )
    trade = {f["name"]: f for f in fields["trade"]["fields"]}
    quantity = trade["moq"]["fields"][0]
    assert quantity["required"] is False and "trade.moq" in quantity["hint"]  # required once moq is filled
    spec = next(s for s in PRODUCT.fields if s.name == "photos")
    assert isinstance(spec.kind, ListOf)
    assert "Photos du produit" in photos["label"] and "`photos`" in photos["hint"]


def test_committed_configuration_is_up_to_date() -> None:
    assert (ROOT / "editor" / "config.json").read_text(encoding="utf-8") == editor.configuration_text(), (
        "run `make schemas`"
    )


def test_editor_page_is_noindex_and_self_hosted() -> None:
    page = (ROOT / "editor" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(not re.match(r"[a-z]+:|//", source) for source in sources)


@pytest.fixture(scope="module")
def assembled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if NODE is None or not (ROOT / "node_modules" / "decap-cms").is_dir():
        message = "node and `npm ci` needed (package.json pins the editor)"
        if os.environ.get("CI") == "true":  # CI must never skip silently
            pytest.fail(message)
        pytest.skip(message)
    destination = tmp_path_factory.mktemp("editor")
    editor.assemble(ROOT, destination)
    return destination


def run_node(assembled: Path, script: str, data: object) -> Any:
    assert NODE is not None
    program = f'import * as format from "{assembled.as_posix()}/miftah-format.js";\n{script}'
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", program],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


PATTERNS = ("products/*/product.yml", "cooperatives/*/cooperative.yml", "programme/programme.yml")


def test_the_editor_writes_every_record_as_make_format_does(assembled: Path) -> None:
    files = sorted(
        p for base in (ROOT, ROOT / "tests/realworld") for pattern in PATTERNS for p in base.glob(pattern)
    )
    texts = [path.read_text(encoding="utf-8") for path in files]
    # … and a record as Decap hands it over after an edit: numbers, empty strings, new lists.
    jobs = [
        [path.stem, recordformat.shape(SCHEMAS[path.stem]), text]
        for path, text in zip(files, texts, strict=True)
    ]
    script = (
        'import fs from "node:fs";\n'
        "const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));\n"
        "const out = jobs.map(([kind, shape, text]) => format.formatText(text, kind, shape));\n"
        "const edited = format.recordFormat('product', jobs.find(j => j[0] === 'product')[1]);\n"
        "const data = edited.fromFile(jobs.find(j => j[0] === 'product')[2]);\n"
        "data.shelf_life_months = 24; data.botanical_name = ''; data.keywords = {zh: '', fr: '', en: ''};\n"
        "out.push(edited.toFile(data));\n"
        "process.stdout.write(JSON.stringify(out));"
    )
    written = run_node(assembled, script, jobs)
    expected = [
        recordformat.format_record(text, path.stem, SCHEMAS[path.stem])
        for path, text in zip(files, texts, strict=True)
    ]
    assert len(files) > 80
    for path, mine, theirs in zip(files, expected, written, strict=False):
        assert theirs == mine, path
    first_product = next(i for i, job in enumerate(jobs) if job[0] == "product")
    edited_text = texts[first_product]
    assert "shelf_life_months: 24" in written[-1]
    assert "botanical_name" not in written[-1]
    assert len(written[-1].splitlines()) <= len(edited_text.splitlines())


def test_every_form_pattern_is_a_javascript_regular_expression(assembled: Path) -> None:
    patterns = sorted(set(re.findall(r'"pattern": \[\s*"((?:[^"\\]|\\.)*)"', editor.configuration_text())))
    script = (
        'import fs from "node:fs";\nconst bad = JSON.parse(fs.readFileSync(0, "utf8")).filter(p => {'
        " try { new RegExp(p); return false; } catch { return true; } });\n"
        "process.stdout.write(JSON.stringify(bad));"
    )
    assert patterns
    assert run_node(assembled, script, [json.loads(f'"{p}"') for p in patterns]) == []


# -- the Arabic interface -----------------------------------------------------------------------------

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
DECAP_EN = ROOT / "node_modules" / "decap-cms-locales" / "dist" / "esm" / "en" / "index.js"
OUR_AR = ROOT / "editor" / "decap-locale-ar.js"
# Phrases with nothing to translate: a placeholder alone, a name, a date format.
NOT_WORDS = {
    "collection.collectionTop.newButton",  # "＋ %{collectionLabel}"
    "ui.toast.onFailToAuth",  # "%{details}"
    "workflow.workflowCard.lastChangeNoAuthor",  # "%{date}"
    "editor.editorWidgets.markdown.markdown",  # "Markdown"
    "workflow.workflow.dateFormat",  # "D MMMM"
}


def leaves(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        found |= leaves(value, path) if isinstance(value, dict) else {path: value}
    return found


@pytest.fixture(scope="module")
def decap_locales() -> dict[str, dict[str, Any]]:
    """Decap's English locale (from node_modules) and ours in Arabic, as node reads them."""
    if NODE is None or not DECAP_EN.is_file():
        message = "node and `npm ci` needed (decap-cms-locales)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    script = (
        'import fs from "node:fs";\n'
        "const read = async (path) => (await import('data:text/javascript;base64,' +"
        " fs.readFileSync(path).toString('base64'))).default;\n"
        "const [en, ar] = JSON.parse(fs.readFileSync(0, 'utf8'));\n"
        "process.stdout.write(JSON.stringify({en: await read(en), ar: await read(ar)}));"
    )
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", script],
        input=json.dumps([str(DECAP_EN), str(OUR_AR)]),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loaded: dict[str, dict[str, Any]] = json.loads(result.stdout)
    return loaded


def test_arabic_decap_words_have_exactly_the_keys_of_decaps_english(
    decap_locales: dict[str, dict[str, Any]],
) -> None:
    english, arabic = leaves(decap_locales["en"]), leaves(decap_locales["ar"])
    missing, unknown = sorted(english.keys() - arabic.keys()), sorted(arabic.keys() - english.keys())
    assert (missing, unknown) == ([], []), "translate Decap's new words into editor/decap-locale-ar.js"
    assert len(arabic) > 240  # 248 in decap-cms-locales 3.8.2
    for key, text in arabic.items():
        assert isinstance(text, str) and text.strip(), key
        placeholders = set(re.findall(r"%\{\w+\}", text))
        assert placeholders == set(re.findall(r"%\{\w+\}", english[key])), key
        if "||||" in english[key]:  # Polyglot's Arabic plural rule picks one of six forms
            assert len(text.split("||||")) == 6, key
        if key not in NOT_WORDS:
            assert ARABIC_LETTER.search(text), key
    assert arabic["editor.editorToolbar.publish"] == "نشر"
    assert arabic["ui.toast.entrySaved"] == "حُفظت البطاقة"


def arabic_field_paths(fields: tuple[Any, ...], prefix: str = "") -> list[str]:
    """The paths of the form's fields that take their label from editor_ar.yml (all but the
    languages of a translated text, which are named by language)."""
    paths: list[str] = []
    for spec in fields:
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        paths.append(path)
        if isinstance(spec.kind, Record):
            paths += arabic_field_paths(spec.kind.fields, path)
        elif isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Record):
            paths += arabic_field_paths(spec.kind.item.fields, f"{path}[]")
    return paths


@pytest.mark.parametrize("name", editor.RECORDS)
def test_every_schema_field_has_an_arabic_label(name: str) -> None:
    expected = arabic_field_paths(editor.RECORDS[name].fields)
    entries = editor.arabic()[name]
    missing = [path for path in expected if path not in entries]
    unknown = [path for path in entries if path not in expected]
    assert (missing, unknown) == ([], []), "add (or remove) the fields in hooks/miftah/data/editor_ar.yml"
    for path, entry in entries.items():
        assert set(entry) <= {"label", "hint", "review"}, path
        assert ARABIC_LETTER.search(entry["label"]) and len(entry["label"]) <= 60, path
        assert "hint" not in entry or ARABIC_LETTER.search(entry["hint"]), path


def test_the_arabic_form_takes_its_words_from_the_arabic_file() -> None:
    cms = editor.cms_config("ar")
    assert cms["locale"] == "ar"
    cooperatives, products = cms["collections"]
    assert (cooperatives["label"], cooperatives["label_singular"]) == ("التعاونيات", "تعاونية")
    assert cooperatives["slug"] == "{{name.fr}}"  # a folder name in Latin letters
    fields = {f["name"]: f for f in cooperatives["fields"]}
    assert fields["name"]["label"] == "اسم التعاونية"
    assert fields["name"]["hint"] == "باللغات الثلاث. — `name`"
    assert fields["legal_name"]["pattern"][1] == "120 حرفًا على الأكثر"
    region = next(o for o in fields["region"]["options"] if o["value"] == "souss-massa")
    assert region["label"].startswith("سوس - ماسة · ")  # the vocabulary's Arabic name
    product = {f["name"]: f for f in products["fields"]}
    trade = {f["name"]: f for f in product["trade"]["fields"]}
    quantity = trade["moq"]["fields"][0]
    assert quantity["label"] == "الحد الأدنى لكمية الطلب"
    assert quantity["hint"] == "إلزامي متى مُلئ «trade.moq» — بين 1 و1000000000 — `trade.moq.quantity`"
    # certificate kinds have no Arabic names in the taxonomy: their French label is shown
    french = {f["name"]: f for f in editor.cms_config("fr")["collections"][0]["fields"]}
    kinds = [next(f for f in c["certificates"]["fields"] if f["name"] == "kind") for c in (fields, french)]
    assert kinds[0]["options"] == kinds[1]["options"]
    assert {
        "label": "Autorisation sanitaire ONSSA · ONSSA 卫生许可 (onssa-authorisation)",
        "value": "onssa-authorisation",
    } in kinds[0]["options"]
