"""The web editor's configuration (Decap CMS), generated from the schema declaration.

Every field of a product and of a cooperative becomes a form field: its label and hint come
from the field's French or English help, or for Arabic from ``data/editor_ar.yml`` (machine-drafted,
awaiting a native speaker's review; one configuration per interface language), choices
from the vocabularies with their labels, and required fields, patterns, ranges and list sizes
from the kinds, so that the form, the JSON Schemas and the field reference cannot disagree.
The configuration also carries each record's layout ``shape`` for the editor's own YAML format
(``editor/miftah-editor.js``), which writes exactly what ``recordformat`` writes.

A field that the schema requires inside an optional group (``trade.moq.quantity``) is marked
required in the form only when the whole group is: Decap checks a group's fields even when the
group is left empty, and ``make check`` (and the pull request's annotations) still asks for it.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from miftah import DATA_DIR
from miftah.catalog.kinds import (
    Amount,
    Approximate,
    Choice,
    Date,
    Field,
    File,
    Flag,
    HsCode,
    Integer,
    Kind,
    ListOf,
    PartialDate,
    Price,
    Record,
    Text,
    Translated,
)
from miftah.catalog.schema import COOPERATIVE, PRODUCT
from miftah.catalog.taxonomy import vocabulary
from miftah.editing import recordformat

UI_LANGUAGES = ("fr", "en", "ar")  # the form's own labels and hints, and Decap's words
ARABIC_FILE = DATA_DIR / "editor_ar.yml"  # labels, hints and words in Arabic
SLUG_LANGUAGE = {"fr": "fr", "en": "en", "ar": "fr"}  # a new record's folder name, in Latin letters
RECORDS = {"cooperative": COOPERATIVE, "product": PRODUCT}
FOLDERS = {"cooperative": "cooperatives", "product": "products"}
GITHUB_REPO = "miftah-souk/catalog"  # the published editor's: EDITOR_GITHUB_REPO at build time
LANGUAGE_LABELS = {"zh": "中文", "fr": "Français", "en": "English", "ar": "العربية", "tfng": "ⵜⴰⵎⴰⵣⵉⵖⵜ"}
COLLECTION_LABELS = {
    "fr": {"products": ("Produits", "Produit"), "cooperatives": ("Coopératives", "Coopérative")},
    "en": {"products": ("Products", "Product"), "cooperatives": ("Cooperatives", "Cooperative")},
}
WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "at_most": "au plus {n} caractères",
        "example": "exemple : {example}",
        "between": "entre {low} et {high}",
        "required_if": "obligatoire dès que « {group} » est rempli",
        "field": "champ",
        "file": "Dans le dossier de la fiche ; nom sûr (minuscules, chiffres, tirets) donné à l'envoi.",
    },
    "en": {
        "at_most": "at most {n} characters",
        "example": "example: {example}",
        "between": "between {low} and {high}",
        "required_if": 'required as soon as "{group}" is filled in',
        "field": "field",
        "file": "In the record's folder; a safe name (lower case, digits, dashes) is given on upload.",
    },
}


def configuration() -> dict[str, Any]:
    """Everything the editor page needs: one CMS configuration per interface language, the
    records' layout shapes, and the list of every schema field path (for the coverage test)."""
    return {
        "generated_by": "make schemas (hooks/miftah/editing/editor.py): do not edit by hand",
        "shapes": {name: recordformat.shape(record) for name, record in RECORDS.items()},
        "cms": {lang: cms_config(lang) for lang in UI_LANGUAGES},
    }


def configuration_text() -> str:
    return json.dumps(configuration(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def cms_config(lang: str) -> dict[str, Any]:
    return {
        "load_config_file": False,
        "locale": lang,
        "backend": {  # the sign-in endpoint (base_url) is added when the site is built: publish()
            "name": "github",
            "repo": GITHUB_REPO,
            "branch": "main",
            "open_authoring": True,
            "auth_scope": "public_repo",
            "always_fork": True,
            "squash_merges": True,
        },
        "publish_mode": "editorial_workflow",
        "media_folder": "media-uploads",  # required globally; every collection keeps its own
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "show_preview_links": False,
        "editor": {"preview": False},
        "collections": [_collection(name, lang) for name in RECORDS],
    }


def _collection(name: str, lang: str) -> dict[str, Any]:
    folder = FOLDERS[name]
    plural, singular = collection_labels(lang)[folder]
    return {
        "name": folder,
        "label": plural,
        "label_singular": singular,
        "folder": folder,
        "path": f"{{{{slug}}}}/{name}",
        "extension": "yml",
        "format": f"miftah-{name}",
        "create": True,
        "delete": False,
        "identifier_field": f"name.{SLUG_LANGUAGE[lang]}",
        "slug": f"{{{{name.{SLUG_LANGUAGE[lang]}}}}}",
        "summary": "{{name.zh}} · {{name.fr}} · {{name.en}}",
        "media_folder": "",  # photos go into the record's own folder …
        "public_folder": "",  # … and the record names them by file name only
        "editor": {"preview": False},
        "fields": [field_config(spec, lang, spec.name, True, name) for spec in RECORDS[name].fields],
    }


@functools.cache
def arabic() -> dict[str, Any]:
    """``data/editor_ar.yml``: ``words``, ``collections``, and per record kind each form field's
    Arabic ``label`` and optional ``hint`` by field path (``review: true``: not yet proof-read)."""
    with open(ARABIC_FILE, encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def words(lang: str) -> dict[str, str]:
    if lang == "ar":
        return {key: text for key, text in arabic()["words"].items() if key != "review"}
    return WORDS[lang]


def collection_labels(lang: str) -> dict[str, tuple[str, str]]:
    if lang == "ar":
        found = arabic()["collections"]
        return {folder: (found[folder][0], found[folder][1]) for folder in FOLDERS.values()}
    return COLLECTION_LABELS[lang]


def _label_and_hint(spec: Field, lang: str, path: str, record: str) -> tuple[str, str]:
    """The field's label and the first part of its hint (empty when the label says it all)."""
    if lang == "ar":
        entry = arabic()[record].get(path)
        if entry is None:
            raise KeyError(f"{ARABIC_FILE.name}: no Arabic label for {record} field {path!r}")
        return entry["label"], entry.get("hint", "")
    help_text = spec.fr if lang == "fr" else spec.en
    short = label(help_text)
    return short, "" if help_text == short else help_text


def field_config(spec: Field, lang: str, path: str, context_required: bool, record: str) -> dict[str, Any]:
    """One form field; ``context_required``: whether every group around it is required."""
    field_label, hint = _label_and_hint(spec, lang, path, record)
    hints = [hint]  # empty when a short help is the label already
    required = spec.required and context_required
    if spec.required and not context_required:
        group = path.rsplit(".", 1)[0]
        hints.append(words(lang)["required_if"].format(group=group))
    config: dict[str, Any] = {"name": spec.name, "label": field_label, "required": required}
    config.update(_widget(spec.kind, lang, path, required, record, hints))
    hints.append(f"`{path}`")
    config["hint"] = " — ".join(hint for hint in hints if hint)
    return config


def _widget(
    kind: Kind[Any], lang: str, path: str, required: bool, record: str, hints: list[str]
) -> dict[str, Any]:
    texts = words(lang)
    if isinstance(kind, Record):
        return {
            "widget": "object",
            "collapsed": False,
            "fields": [
                field_config(spec, lang, f"{path}.{spec.name}", required, record) for spec in kind.fields
            ],
        }
    if isinstance(kind, ListOf):
        sizes = {"min": kind.min_items, "max": kind.max_items} if kind.min_items else {"max": kind.max_items}
        if isinstance(kind.item, Record):
            fields = [
                field_config(spec, lang, f"{path}[].{spec.name}", True, record) for spec in kind.item.fields
            ]
            first = kind.item.fields[0].name
            return {
                "widget": "list",
                "collapsed": False,
                "summary": f"{{{{fields.{first}}}}}",
                "fields": fields,
                **sizes,
            }
        if isinstance(kind.item, Choice):
            return {"widget": "select", "multiple": True, "options": _options(kind.item, lang), **sizes}
        if isinstance(kind.item, Text) and kind.item.sample:
            hints.append(texts["example"].format(example=kind.item.sample))
        return {"widget": "list", **sizes}
    if isinstance(kind, Translated):
        required_codes = kind.json_schema().get("required", []) if required else []
        any_char = "[^\\n]" if kind.one_line else "[\\s\\S]"
        return {
            "widget": "object",
            "collapsed": False,
            "classes": "translated",
            "fields": [
                {
                    "name": code,
                    "label": f"{LANGUAGE_LABELS[code]} ({code})",
                    "widget": "string" if kind.one_line else "text",
                    "required": code in required_codes,
                    "pattern": [
                        f"^{any_char}{{0,{kind.max_chars}}}$",
                        texts["at_most"].format(n=kind.max_chars),
                    ],
                }
                for code in kind.codes()
            ],
        }
    if isinstance(kind, Choice):
        return {"widget": "select", "options": _options(kind, lang)}
    if isinstance(kind, Flag):
        return {"widget": "boolean"}
    if isinstance(kind, Integer):
        hints.append(texts["between"].format(low=kind.low, high=kind.high))
        return {"widget": "number", "value_type": "int", "min": kind.low, "max": kind.high, "step": 1}
    if isinstance(kind, File):
        hints.append(texts["file"])
        widget = "file" if kind.role == "document" else "image"
        return {"widget": widget, "choose_url": False, "media_library": {"config": {"multiple": False}}}
    if isinstance(kind, Date):
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
        }
    return {"widget": "string", "pattern": [_pattern(kind), _pattern_message(kind, lang)]}


def _pattern(kind: Kind[Any]) -> str:
    """One JavaScript regular expression for a one-line value: its form and its length."""
    if isinstance(kind, Amount):
        number = rf"-?[0-9]+(\.[0-9]{{1,{kind.decimals}}})?" if kind.decimals else "-?[0-9]+"
        return f"^{number}$"
    if isinstance(kind, Price):
        number = rf"[0-9]+(\.[0-9]{{1,{kind.decimals}}})?"
        return f"^{number}( ?[-–] ?{number})?$"
    if isinstance(kind, Approximate | PartialDate):
        return str(kind.json_schema()["pattern"])
    assert isinstance(kind, Text | HsCode)
    length = f"(?=[^\\n]{{0,{kind.max_chars}}}$)"
    body = kind.pattern.removeprefix("^").removesuffix("$") if kind.pattern else "[^\\n]*"
    return f"^{length}(?:{body})$"


def _pattern_message(kind: Kind[Any], lang: str) -> str:
    texts = words(lang)
    comma = "، " if lang == "ar" else ", "
    if isinstance(kind, Amount):
        return (
            texts["example"].format(example=kind.sample)
            + comma
            + texts["between"].format(low=kind.low, high=kind.high)
        )
    if isinstance(kind, Approximate):
        return texts["example"].format(example=kind.examples)
    if isinstance(kind, Price | PartialDate):
        return texts["example"].format(example=kind.sample)
    assert isinstance(kind, Text)
    message = texts["at_most"].format(n=kind.max_chars)
    return f"{texts['example'].format(example=kind.sample)}{comma}{message}" if kind.pattern else message


def _options(kind: Choice, lang: str) -> list[dict[str, str]]:
    if not kind.vocabulary:
        return [{"label": choice, "value": choice} for choice in kind.choices]
    terms = vocabulary(kind.vocabulary)
    options = []
    for term_id, term in terms.items():
        # Arabic: the vocabulary's Arabic name where it has one (regions, provinces, categories…),
        # else its French label
        shown = (term.arabic or term.label("fr")) if lang == "ar" else term.label(lang)
        text = (
            shown if shown.casefold() == term_id.casefold() else f"{shown} · {term.label('zh')} ({term_id})"
        )
        options.append({"label": text, "value": term_id})
    return options


def label(help_text: str) -> str:
    """A short label from a field's help: all of it when short, else its first clause."""
    if len(help_text.rstrip(".")) <= 60:
        return help_text.rstrip(".")
    first = re.split(r" : |: | ; |; | \(|\. |, ou |, or ", help_text, maxsplit=1)[0]
    return first.rstrip(".").strip() or help_text


def field_paths(kind: Kind[Any], prefix: str = "") -> list[str]:
    """Every field path of a record kind ("skus[].carton.length_cm", "name.zh", …)."""
    paths: list[str] = []
    if isinstance(kind, Record):
        for spec in kind.fields:
            path = f"{prefix}.{spec.name}" if prefix else spec.name
            paths.append(path)
            paths += field_paths(spec.kind, path)
    elif isinstance(kind, ListOf):
        paths += field_paths(kind.item, f"{prefix}[]")
    elif isinstance(kind, Translated):
        paths += [f"{prefix}.{code}" for code in kind.codes()]
    return paths


class EditorSetupError(ValueError):
    """The editor cannot be assembled or published as set up (its JavaScript is not installed, an
    environment variable is wrong): one line, and no site or editor is changed."""


EDITOR_SOURCE = "editor"  # index.html, miftah-editor.js, miftah-format.js, config.json
VENDOR = {  # what the page loads from the npm lock, copied next to it (never a CDN)
    "decap-cms": ("decap-cms/dist", ("decap-cms.js", "*.decap-cms.js", "*.wasm")),
    "yaml": ("yaml/browser/dist", ("**/*.js",)),
}


def assemble(root: Path, destination: Path) -> None:
    """Copy the editor page and its JavaScript (from node_modules) into ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    for source in sorted((root / EDITOR_SOURCE).iterdir()):
        if source.is_file():
            shutil.copyfile(source, destination / source.name)
    modules = root / "node_modules"
    for name, (folder, patterns) in VENDOR.items():
        origin = modules / folder
        if not origin.is_dir():
            raise EditorSetupError(f"{origin} is missing: run `npm ci --ignore-scripts` first")
        for pattern in patterns:
            for source in sorted(origin.glob(pattern)):
                target = destination / "vendor" / name / source.relative_to(origin)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    (destination / "vendor" / "yaml" / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")


# -- the editor on the published site ---------------------------------------------------------------

PUBLISHED_DIR = "edit"  # site/edit/: noindex, outside the sitemap, linked from no buyer page
_REPO = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Backend:
    """Where the published editor signs contributors in (the OAuth endpoint of README "Web
    editor") and the repository its pull requests go to."""

    auth_url: str
    repo: str


def published_backend(environ: Mapping[str, str]) -> Backend | None:
    """The published editor's backend from ``EDITOR_AUTH_URL`` and ``EDITOR_GITHUB_REPO``; none
    when no sign-in endpoint is set (the site is then built without the editor)."""
    auth_url = environ.get("EDITOR_AUTH_URL", "").strip()
    if not auth_url:
        return None
    parts = urlsplit(auth_url)
    if parts.scheme != "https" or not parts.netloc or parts.query or parts.fragment:
        raise EditorSetupError(f"EDITOR_AUTH_URL must be an https:// address, not {auth_url!r}")
    repo = environ.get("EDITOR_GITHUB_REPO", "").strip() or GITHUB_REPO
    if not _REPO.fullmatch(repo):
        raise EditorSetupError(f"EDITOR_GITHUB_REPO must read owner/name, not {repo!r}")
    return Backend(auth_url.rstrip("/"), repo)


def publish(root: Path, site_dir: Path, backend: Backend) -> None:
    """The editor into ``site_dir/edit/``, its configuration pointing at ``backend``."""
    destination = site_dir / PUBLISHED_DIR
    assemble(root, destination)
    config_file = destination / "config.json"
    config = json.loads(config_file.read_text(encoding="utf-8"))
    for cms in config["cms"].values():
        cms["backend"] |= {"repo": backend.repo, "base_url": backend.auth_url}
    config_file.write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def bundle_bytes(destination: Path) -> dict[str, int]:
    """Bytes of the editor's own files and of what the first form loads (for the README)."""
    decap = destination / "vendor" / "decap-cms" / "decap-cms.js"
    yaml_files = list((destination / "vendor" / "yaml").rglob("*.js"))
    return {
        "decap-cms.js": decap.stat().st_size,
        "yaml": sum(path.stat().st_size for path in yaml_files),
        "own": sum((destination / name).stat().st_size for name in ("miftah-editor.js", "miftah-format.js")),
        "config.json": (destination / "config.json").stat().st_size,
    }
