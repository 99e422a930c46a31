"""Each record field is declared once, in ``schema``: the validating kinds, the typed records,
the files a record refers to and "certificate in force" all come from that one place."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from miftah.catalog.kinds import Field, Record, Text, Where, build, declared, files_of, referenced_files
from miftah.catalog.loading import _read_and_convert, load_catalog
from miftah.catalog.problems import Problem
from miftah.catalog.rules import check_certificates
from miftah.catalog.schema import (
    COOPERATIVE,
    PRODUCT,
    ChinaMarket,
    Cooperative,
    Origin,
    Product,
    Sku,
    Trade,
    expired,
    in_force,
)
from miftah.catalog.yamlnodes import read_record
from miftah.publishing.build import images_to_render
from miftah.translated import NO_TEXT, Translations

ROOT = Path(__file__).resolve().parent.parent
DAY = datetime.date(2026, 11, 29)


def test_the_validator_reads_the_declared_fields_in_the_order_written() -> None:
    written = [field.name for field in dataclasses.fields(Product)]
    assert written[:2] == ["slug", "folder"]  # from the folder, not the file: not read
    assert [spec.name for spec in PRODUCT.fields] == written[2:]
    assert PRODUCT.cls is Product and declared(Product) is PRODUCT  # derived once per class


def test_products_and_cooperatives_declare_their_sources_alike() -> None:
    product_sources = next(spec for spec in PRODUCT.fields if spec.name == "sources")
    cooperative_sources = next(spec for spec in COOPERATIVE.fields if spec.name == "sources")
    assert product_sources == cooperative_sources
    assert product_sources.en == "Where the record's information comes from (public sources, documents)."


def test_a_field_left_out_takes_its_declared_default(tmp_path: Path) -> None:
    trade = build(Trade, {}, tmp_path)
    assert trade == Trade()
    assert (trade.moq, trade.pricing, trade.lead_times, trade.private_label) == (None, None, (), None)
    assert build(ChinaMarket, {}, tmp_path).gacc_status == "unknown"  # not stated: said so


def test_nested_values_become_typed_records(tmp_path: Path) -> None:
    sku = build(
        Sku,
        {
            "id": "bottle-250ml",
            "net_content": {"value": Decimal("250"), "unit": "ml"},
            "packaging": {"en": "Glass bottle", "zh": "玻璃瓶"},
            "carton": {"length_cm": 40, "width_cm": 30, "height_cm": 25, "gross_weight_kg": Decimal("12.5")},
        },
        tmp_path,
    )
    assert (sku.net_content.value, sku.net_content.unit) == (Decimal("250"), "ml")
    assert sku.packaging == Translations((("zh", "玻璃瓶"), ("en", "Glass bottle")))
    assert sku.carton is not None and sku.carton.gross_weight_kg == Decimal("12.5")
    assert sku.pallet is None and sku.units_per_carton is None


def test_a_file_is_held_as_its_path_in_the_record_folder(tmp_path: Path) -> None:
    product = build(Product, _product_values(), tmp_path, slug="x", folder=tmp_path)
    assert product.photos[0].file == tmp_path / "photo-1.jpg"
    assert product.description is NO_TEXT and product.skus == () and product.featured is False


def test_a_region_left_out_is_the_province_s() -> None:
    assert Origin(province="sidi-ifni").region == "guelmim-oued-noun"
    assert Origin(region="souss-massa", province="sidi-ifni").region == "souss-massa"  # as stated
    assert Origin().region is None
    cooperative = Cooperative(slug="x", folder=Path("x"), name=NO_TEXT, story=NO_TEXT, province="sidi-ifni")
    assert cooperative.region == "guelmim-oued-noun"


def test_a_record_without_a_class_keeps_its_values(tmp_path: Path) -> None:
    plain = Record(fields=(Field("inner", Text(), False, "", ""),))
    assert plain.typed({"inner": "x"}, tmp_path) == {"inner": "x"}


def test_the_files_of_a_typed_record_are_those_its_values_name() -> None:
    """One walk over the declaration, whether the values are converted dicts or typed records."""
    catalog = load_catalog(ROOT).catalog
    assert catalog is not None
    for collection, schema, records in (
        ("products", PRODUCT, catalog.products),
        ("cooperatives", COOPERATIVE, catalog.cooperatives),
    ):
        for slug, record in records.items():
            shown = f"{collection}/{slug}/{collection[:-1]}.yml"
            values = _values(ROOT / shown, shown, schema)
            assert files_of(record) == referenced_files(schema, values), slug
    tifaout = files_of(catalog.cooperatives["tifaout-argan"])
    assert ("contacts[1].wechat_qr", "wechat-qr.png", "qr") in tifaout


def test_the_images_rendered_are_the_photos_logos_and_qr_codes_the_records_name() -> None:
    catalog = load_catalog(ROOT).catalog
    assert catalog is not None
    wanted = images_to_render(catalog)
    assert list(wanted) == ["photo", "logo", "qr"]  # documents are linked, never encoded
    assert wanted["photo"] == [
        photo.file for product in catalog.published_products() for photo in product.photos
    ]
    desk_qr = ROOT / "programme" / "sample-desk-wechat-qr.png"
    assert wanted["qr"][-1] == desk_qr and ROOT / "cooperatives/tifaout-argan/wechat-qr.png" in wanted["qr"]
    assert all(path.is_file() for paths in wanted.values() for path in paths)


def test_a_certificate_is_in_force_when_certified_and_not_expired() -> None:
    assert in_force("certified", None, DAY)
    assert in_force("certified", DAY, DAY)  # valid until the end of its last day
    assert not in_force("certified", DAY - datetime.timedelta(days=1), DAY)
    assert not in_force("applicant", None, DAY) and not in_force("suspended", None, DAY)
    assert expired(DAY - datetime.timedelta(days=1), DAY) and not expired(None, DAY)


def test_the_expiry_warning_asks_the_same_question(tmp_path: Path) -> None:
    """An expired certificate is warned about unless suspended; one valid today is not."""
    cooperative = ROOT / "cooperatives/tifaout-argan/cooperative.yml"
    text = cooperative.read_text(encoding="utf-8").replace(
        "valid_until: 2029-02-28", "valid_until: 2026-11-28"
    )
    folder = tmp_path / "tifaout-argan"
    folder.mkdir()
    (folder / "cooperative.yml").write_text(text, encoding="utf-8")
    problems: list[Problem] = []
    raw = _read_and_convert(folder, "cooperatives/tifaout-argan/cooperative.yml", COOPERATIVE, problems)
    assert raw is not None
    found = [(p.field, p.code) for p in check_certificates(raw, DAY)]
    assert found == [("certificates[1].valid_until", "certificate_expired")]
    assert check_certificates(raw, DAY - datetime.timedelta(days=1)) == []


def _values(path: Path, shown: str, schema: Record) -> dict[str, Any]:
    top, problems = read_record(str(path), shown)
    assert top is not None and problems == []
    found: list[Problem] = []
    values = schema.convert(top, Where(shown, path.parent, found))
    assert values is not None
    return values


def _product_values() -> dict[str, Any]:
    return {
        "cooperative": "tifaout-argan",
        "category": "argan-oil",
        "status": "draft",
        "last_verified": DAY,
        "name": {"zh": "名称", "fr": "Nom", "en": "Name"},
        "summary": {"en": "Summary"},
        "photos": [{"file": "photo-1.jpg", "alt": {"en": "A bottle"}}],
    }
