"""The web editor's configuration (Decap CMS), generated from the schema declaration.

Every field of a product and of a cooperative becomes a form field: its label and hint come
from the field's French or English help (one configuration per interface language), choices
from the vocabularies with their labels, and required fields, patterns, ranges and list sizes
from the kinds, so that the form, the JSON Schemas and the field reference cannot disagree.
The configuration also carries each record's layout ``shape`` for the editor's own YAML format
(``editor/miftah-editor.js``), which writes exactly what ``recordformat`` writes.

A field that the schema requires inside an optional group (``trade.moq.quantity``) is marked
required in the form only when the whole group is: Decap checks a group's fields even when the
group is left empty, and ``make check`` (and the pull request's annotations) still asks for it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

from miftah import recordformat
from miftah.kinds import (
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
from miftah.schema import COOPERATIVE, PRODUCT
from miftah.taxonomy import vocabulary

UI_LANGUAGES = ("fr", "en")  # the form's own labels and hints; Decap has no Arabic interface
RECORDS = {"cooperative": COOPERATIVE, "product": PRODUCT}
FOLDERS = {"cooperative": "cooperatives", "product": "products"}
GITHUB_REPO = os.environ.get("EDITOR_GITHUB_REPO", "miftah-souk/catalog")
AUTH_URL = "https://miftah-souk-auth.example.org"  # the OAuth endpoint (README: "Web editor")
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
        "generated_by": "make schemas (hooks/miftah/editor.py): do not edit by hand",
        "shapes": {name: recordformat.shape(record) for name, record in RECORDS.items()},
        "cms": {lang: cms_config(lang) for lang in UI_LANGUAGES},
    }


def configuration_text() -> str:
    return json.dumps(configuration(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def cms_config(lang: str) -> dict[str, Any]:
    return {
        "load_config_file": False,
        "locale": lang,
        "backend": {
            "name": "github",
            "repo": GITHUB_REPO,
            "branch": "main",
            "base_url": AUTH_URL,
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
    plural, singular = COLLECTION_LABELS[lang][folder]
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
        "identifier_field": f"name.{lang}",
        "slug": f"{{{{name.{lang}}}}}",
        "summary": "{{name.zh}} · {{name.fr}} · {{name.en}}",
        "media_folder": "",  # photos go into the record's own folder …
        "public_folder": "",  # … and the record names them by file name only
        "editor": {"preview": False},
        "fields": [field_config(spec, lang, spec.name, True, name) for spec in RECORDS[name].fields],
    }


def field_config(spec: Field, lang: str, path: str, context_required: bool, record: str) -> dict[str, Any]:
    """One form field; ``context_required``: whether every group around it is required."""
    help_text = spec.fr if lang == "fr" else spec.en
    hints = [help_text]
    required = spec.required and context_required
    if spec.required and not context_required:
        group = path.rsplit(".", 1)[0]
        hints.append(WORDS[lang]["required_if"].format(group=group))
    config: dict[str, Any] = {"name": spec.name, "label": label(help_text), "required": required}
    config.update(_widget(spec.kind, lang, path, required, record, hints))
    hints.append(f"`{path}`")
    if hints[0] == config["label"]:  # a short help is the label already
        hints = hints[1:]
    config["hint"] = " — ".join(hint for hint in hints if hint)
    return config


def _widget(
    kind: Kind[Any], lang: str, path: str, required: bool, record: str, hints: list[str]
) -> dict[str, Any]:
    words = WORDS[lang]
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
            hints.append(words["example"].format(example=kind.item.sample))
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
                        words["at_most"].format(n=kind.max_chars),
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
        hints.append(words["between"].format(low=kind.low, high=kind.high))
        return {"widget": "number", "value_type": "int", "min": kind.low, "max": kind.high, "step": 1}
    if isinstance(kind, File):
        hints.append(words["file"])
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
    words = WORDS[lang]
    if isinstance(kind, Amount):
        return (
            words["example"].format(example=kind.sample)
            + ", "
            + words["between"].format(low=kind.low, high=kind.high)
        )
    if isinstance(kind, Approximate):
        return words["example"].format(example=kind.examples)
    if isinstance(kind, Price | PartialDate):
        return words["example"].format(example=kind.sample)
    assert isinstance(kind, Text)
    message = words["at_most"].format(n=kind.max_chars)
    return f"{words['example'].format(example=kind.sample)}, {message}" if kind.pattern else message


def _options(kind: Choice, lang: str) -> list[dict[str, str]]:
    if not kind.vocabulary:
        return [{"label": choice, "value": choice} for choice in kind.choices]
    terms = vocabulary(kind.vocabulary)
    options = []
    for term_id, term in terms.items():
        shown = term.label(lang)
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
            raise FileNotFoundError(f"{origin} is missing: run `npm ci --ignore-scripts` first")
        for pattern in patterns:
            for source in sorted(origin.glob(pattern)):
                target = destination / "vendor" / name / source.relative_to(origin)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    (destination / "vendor" / "yaml" / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")


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
