"""Editor help stays in step with the validator: JSON Schemas, field reference, skeletons,
translation report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from miftah import reference
from miftah.loading import load_catalog
from miftah.scaffold import skeleton
from miftah.translations import report
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
    folder = "products" if name == "product" else "cooperatives"
    return sorted((ROOT / folder).glob(f"*/{name}.yml"))


def test_committed_editor_help_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/schemas.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + "\nrun `make schemas` and commit the result"


@pytest.mark.parametrize("name", ["product", "cooperative"])
def test_schemas_accept_every_sample_record(name: str) -> None:
    validator = jsonschema.Draft202012Validator(schema(name))
    for path in record_files(name):
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == [], path


@pytest.mark.parametrize("name", ["product", "cooperative"])
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


def test_reference_lists_every_field() -> None:
    text = reference.field_reference()
    for name in (
        "`trade.moq.quantity`",
        "`certificates[].valid_until`",
        "`contacts[].wechat`",
        "`skus[].carton`",
    ):
        assert name in text


@pytest.mark.parametrize("record_type", ["product", "cooperative"])
def test_skeletons_are_valid_records(scratch_catalog: Path, record_type: str) -> None:
    answers: dict[str, Any] = {"name": {"zh": "新记录", "fr": "Nouvelle fiche", "en": "New record"}}
    if record_type == "product":
        answers |= {
            "cooperative": "tifaout-argan",
            "status": "draft",
            "trade.pricing.on_request": True,
            "china_market.gacc_status": "not_started",
        }
        target = scratch_catalog / "products/new-record/product.yml"
    else:
        answers |= {"contacts[].name": "Aicha", "contacts[].email": "aicha@example.org"}
        target = scratch_catalog / "cooperatives/new-record/cooperative.yml"
    target.parent.mkdir()
    target.write_text(skeleton(record_type, answers), encoding="utf-8")
    mine = [p for p in load_catalog(scratch_catalog).problems if "new-record" in p.path]
    assert mine == []
    assert target.read_text(encoding="utf-8").count("\n# ") > 10  # optional fields shown, commented out


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
