"""Editor help stays in step with the validator: JSON Schemas, field reference, skeletons,
translation report."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from miftah.catalog.kinds import ListOf, Record
from miftah.catalog.loading import load_catalog
from miftah.editing import reference
from miftah.editing.scaffold import skeleton
from miftah.editing.translations import report
from support import ROOT, Edit


class _Yaml12Loader(yaml.SafeLoader):
    """Reads values roughly as YAML editors do (YAML 1.2): dates stay strings."""


_Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


def record_files(name: str) -> list[Path]:
    if name == "programme":
        return [ROOT / "programme" / "programme.yml"]
    folder = "products" if name == "product" else "cooperatives"
    return sorted((ROOT / folder).glob(f"*/{name}.yml"))


def test_committed_editor_help_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/schemas.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + "\nrun `make schemas` and commit the result"


@pytest.mark.parametrize("name", ["product", "cooperative", "programme"])
def test_schemas_accept_every_sample_record(name: str) -> None:
    validator = jsonschema.Draft202012Validator(schema(name))
    for path in record_files(name):
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == [], path


@pytest.mark.parametrize("name", ["product", "cooperative", "programme"])
def test_schemas_reject_an_unknown_key(name: str) -> None:
    validator = jsonschema.Draft202012Validator(schema(name))
    document = yaml.load(record_files(name)[0].read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    document["colour"] = "red"
    assert [e.message for e in validator.iter_errors(document)] == [
        "Additional properties are not allowed ('colour' was unexpected)"
    ]


def test_every_record_points_its_editor_at_the_schema() -> None:
    for name in ("product", "cooperative"):
        for path in record_files(name):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{name}.schema.json", path


def _field_paths(record: Record, prefix: str = "") -> list[str]:
    paths = []
    for spec in record.fields:
        path = f"{prefix}{spec.name}"
        paths.append(path)
        inner = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        if isinstance(inner, Record):
            paths += _field_paths(inner, f"{path}[]." if isinstance(spec.kind, ListOf) else f"{path}.")
    return paths


def test_reference_lists_every_field() -> None:
    text = reference.field_reference()
    paths = [path for record in reference.SCHEMAS.values() for path in _field_paths(record)]
    assert len(paths) > 100  # every record kind, nested fields included
    assert [path for path in paths if f"| `{path}` |" not in text] == []


TEXTS = {"zh": "新记录", "fr": "Nouvelle fiche", "en": "New record"}
FULL_ANSWERS: dict[str, dict[str, Any]] = {
    "product": {
        "name": TEXTS,
        "summary": TEXTS,
        "cooperative": "tifaout-argan",
        "category": "honey",
        "status": "draft",
        "last_verified": "2026-11-01",
    },
    "cooperative": {"name": TEXTS, "story": TEXTS},
}


def _write_skeleton(catalog: Path, record_type: str, answers: dict[str, Any]) -> Path:
    folder = "products" if record_type == "product" else "cooperatives"
    target = catalog / folder / "new-record" / f"{record_type}.yml"
    target.parent.mkdir()
    target.write_text(skeleton(record_type, answers), encoding="utf-8")
    return target


@pytest.mark.parametrize("record_type", ["product", "cooperative"])
def test_skeleton_with_every_required_answer_is_valid(scratch_catalog: Path, record_type: str) -> None:
    target = _write_skeleton(scratch_catalog, record_type, FULL_ANSWERS[record_type])
    mine = [p for p in load_catalog(scratch_catalog).problems if "new-record" in p.path]
    assert mine == []
    assert target.read_text(encoding="utf-8").count("\n# ") > 10  # optional fields shown, commented out


@pytest.mark.parametrize("record_type", ["product", "cooperative"])
def test_skeleton_never_fills_in_what_was_not_answered(scratch_catalog: Path, record_type: str) -> None:
    """Unanswered required fields are written empty and named by the check; nothing is made up."""
    target = _write_skeleton(scratch_catalog, record_type, {"name": TEXTS})
    mine = [p for p in load_catalog(scratch_catalog).problems if "new-record" in p.path and p.is_error]
    required = {f.name for f in reference.SCHEMAS[record_type].fields if f.required} - {"name"}
    told = {p.field.split(".")[0] for p in mine}
    assert told == required
    assert {p.code for p in mine} <= {"empty_required_field", "empty_value"}
    written = [
        line for line in target.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")
    ]
    values = [line.split(":", 1)[1].strip() for line in written if ":" in line and "$schema" not in line]
    assert [v for v in values if v] == ['"新记录"', '"Nouvelle fiche"', '"New record"']


def test_translation_report(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / "products/carob-powder/product.yml", "  fr: Poudre de caroube\n", "")
    text = report(load_catalog(scratch_catalog), markdown=False)
    assert text.splitlines()[:4] == [
        "zh: 0 missing",
        "fr: 1 missing",
        "  products/carob-powder/product.yml › name",
        "en: 0 missing",
    ]
    assert "| `fr` | 1 |" in report(load_catalog(scratch_catalog), markdown=True)


def test_minimal_examples_in_contributing_are_valid_records(scratch_catalog: Path) -> None:
    """The messages send contributors to CONTRIBUTING's "Minimal example": it must validate."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Exemple minimal") : text.index("## Référence des champs")]
    product, cooperative = re.findall(r"```yaml\n(.*?)```", section, re.S)
    (scratch_catalog / "cooperatives" / "minimal-coop").mkdir()
    (scratch_catalog / "cooperatives" / "minimal-coop" / "cooperative.yml").write_text(cooperative, "utf-8")
    (scratch_catalog / "products" / "minimal-product").mkdir()
    (scratch_catalog / "products" / "minimal-product" / "product.yml").write_text(product, "utf-8")
    mine = [p for p in load_catalog(scratch_catalog).problems if "minimal-" in p.path]
    assert [(p.code, p.level) for p in mine] == [("published_without_photo", "notice")]
