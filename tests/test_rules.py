"""Rules across fields and records: each with its exact message, on copies of the sample
records (the sample catalog itself is the passing case: see test_records). The day is fixed to
2026-11-29 with SOURCE_DATE_EPOCH, as reproducible builds do."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import NOV_29_2026, Edit, at, messages, run_check

ARGAN = "products/argan-oil-culinary/product.yml"
SAFFRON = "products/saffron-taliouine/product.yml"
TIFAOUT = "cooperatives/tifaout-argan/cooperative.yml"


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOV_29_2026)


def test_certificate_reference_must_exist_in_the_cooperative(scratch_catalog: Path, edit: Edit) -> None:
    edit(
        scratch_catalog / ARGAN,
        "certificates: [onssa, igp-argane, bio-ue, halal]",
        "certificates: [onssa, igp-argan, bio-ue, halal]",
    )
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, ARGAN, 'certificates: [')} › certificates[2]\n"
        f'  The certificate "igp-argan" does not exist in {TIFAOUT} (known certificates: onssa, igp-argane, '
        "bio-ue, halal).\n"
        '  Fix: Write the "id" of one of the cooperative\'s certificates, '
        "or add the certificate to its record."
    ]


def test_expired_certificate_is_a_warning(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "valid_until: 2027-01-14", "valid_until: 2026-11-28")
    assert messages(scratch_catalog) == [
        f"⚠ {at(scratch_catalog, TIFAOUT, 'valid_until: 2026-11-28')} › certificates[2].valid_until\n"
        '  The certificate "igp-argane" expired on 2026-11-28; the site no longer shows it.\n'
        "  Fix: Add the renewed certificate (new dates), or remove it."
    ]


def test_certificate_dates_reversed(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "valid_from: 2026-01-15", "valid_from: 2027-01-15")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, 'valid_until: 2027-01-14')} › certificates[2].valid_until\n"
        "  The end date (2027-01-14) is before the start date (2027-01-15).\n"
        "  Fix: Check both dates (are they swapped?)."
    ]


def test_duplicate_certificate_id(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "  - id: bio-ue", "  - id: onssa")
    lines = [
        n
        for n, text in enumerate((scratch_catalog / TIFAOUT).read_text().splitlines(), 1)
        if "- id: onssa" in text
    ]
    found = messages(scratch_catalog)
    assert found[0] == (
        f"✖ {TIFAOUT}:{lines[1]} › certificates[3].id\n"
        '  The id "onssa" is already used (item 1).\n  Fix: Give each item a different id.'
    )
    assert len(found) == 3  # and both argan products now refer to a certificate that is gone


def test_more_women_than_members(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "  women: 40", "  women: 41")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, 'women: 41')} › members.women\n"
        "  There are more women (41) than members (40).\n"
        "  Fix: Check both numbers (a range is written 50-60, a minimum 80+)."
    ]


def test_last_verified_in_the_future_and_too_old(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "last_verified: 2026-11-12", "last_verified: 2026-12-01")
    edit(scratch_catalog / ARGAN, "last_verified: ", "last_verified: 2025-11-01 #")
    assert messages(scratch_catalog) == [
        f"⚠ {at(scratch_catalog, ARGAN, 'last_verified:')} › last_verified\n"
        "  The information was checked on 2025-11-01, 393 days ago (more than a year).\n"
        "  Fix: Check the record again with the cooperative, then update the date.",
        f"✖ {at(scratch_catalog, SAFFRON, 'last_verified:')} › last_verified\n"
        "  The date 2026-12-01 is in the future.\n"
        "  Fix: Write the date on which the information was checked.",
    ]


def test_a_published_product_without_photos_is_a_notice_not_an_error(scratch_catalog: Path) -> None:
    path = scratch_catalog / SAFFRON
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("photos:")], encoding="utf-8")
    for name in ("main.jpg", "detail.jpg"):
        (path.parent / name).unlink()
    assert messages(scratch_catalog) == [
        f"ℹ {SAFFRON}:2\n"
        '  This product is published without a photo: its page shows a "photo to come" panel.\n'
        '  Fix: Add a photo under "photos" as soon as you can (buyers look at the photo first).'
    ]
    result = run_check(scratch_catalog, "--strict")  # a notice never blocks a pull request
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "0 error(s), 0 warning(s), 1 notice(s)."


def test_price_must_be_on_request_or_in_tiers(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "    on_request: true", "    on_request: false")
    edit(scratch_catalog / ARGAN, "    currency: USD\n    incoterm: FOB", "    incoterm: FOB")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, ARGAN, '  pricing:')} › trade.pricing\n"
        "  Price tiers are given without a currency or a unit.\n"
        '  Fix: Add "currency" (USD, EUR, CNY or MAD) and "unit" under "pricing".',
        f"✖ {at(scratch_catalog, SAFFRON, '  pricing:')} › trade.pricing\n"
        '  "pricing" is there, but gives no price.\n'
        '  Fix: Write "on_request: true" (price on request) or price "tiers"; if the price is not known, '
        'remove "pricing": the page will say "to be confirmed".',
    ]


def test_gacc_number_goes_with_registered(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "  gacc_status: pending", "  gacc_status: registered")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, SAFFRON, 'gacc_status:')} › china_market.gacc_status\n"
        '  The GACC status is "registered" but no number is given.\n'
        '  Fix: Add "gacc_number", or correct the status.'
    ]


def test_organic_in_chinese_needs_a_chinese_organic_certificate(scratch_catalog: Path, edit: Edit) -> None:
    """Tifaout holds an EU organic certificate: it does not allow 有机 on the Chinese page."""
    edit(
        scratch_catalog / ARGAN,
        "  zh: 烘焙果仁冷榨的食用摩洛哥坚果油",
        "  zh: 有机烘焙果仁冷榨的食用摩洛哥坚果油",
    )
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, ARGAN, '有机')} › summary.zh\n"
        '  The Chinese text says "有机" (organic), but no valid Chinese organic certificate (GB/T 19630) '
        "covers this product. In China an EU organic certificate does not allow that word.\n"
        '  Fix: Remove "有机" from the Chinese text, or list the product\'s "organic-cn" certificate under '
        '"certificates".'
    ]


def test_organic_in_chinese_with_a_chinese_certificate(scratch_catalog: Path, edit: Edit) -> None:
    edit(
        scratch_catalog / ARGAN,
        "  zh: 烘焙果仁冷榨的食用摩洛哥坚果油",
        "  zh: 有机烘焙果仁冷榨的食用摩洛哥坚果油",
    )
    edit(scratch_catalog / TIFAOUT, "    kind: organic-eu", "    kind: organic-cn")
    assert messages(scratch_catalog) == []


def test_health_claim_on_saffron_is_a_warning(scratch_catalog: Path, edit: Edit) -> None:
    edit(
        scratch_catalog / SAFFRON,
        "for culinary use as a spice.",
        "for culinary use as a spice that cures stress.",
    )
    assert messages(scratch_catalog) == [
        f"⚠ {at(scratch_catalog, SAFFRON, 'cures stress')} › summary.en\n"
        '  The text contains "cures": saffron is sold as a spice, without health or medical claims.\n'
        "  Fix: Rephrase without promising any effect on health."
    ]


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        (
            "Huile Argan",
            '  The folder name "Huile Argan" is not a valid id (lower-case letters, digits and hyphens).\n'
            '  Fix: Rename the folder to "huile-argan".',
        ),
        (
            "crème-dattes",
            '  The folder name "crème-dattes" is not a valid id (lower-case letters, digits and hyphens).\n'
            '  Fix: Rename the folder to "creme-dattes".',
        ),
        (
            "阿甘油",
            '  The folder name "阿甘油" is not a valid id (lower-case letters, digits and hyphens).\n'
            '  Fix: Rename the folder to "a-gan-you".',
        ),
        (
            "_~_",
            '  The folder name "_~_" is not a valid id (lower-case letters, digits and hyphens).\n'
            '  Fix: Rename the folder to "new-product".',
        ),
        (
            "search",
            '  The folder name "search" is reserved by the site.\n'
            '  Fix: Choose another folder name, e.g. "search-morocco".',
        ),
    ],
)
def test_folder_names(scratch_catalog: Path, folder: str, expected: str) -> None:
    (scratch_catalog / "products/carob-powder").rename(scratch_catalog / "products" / folder)
    assert messages(scratch_catalog) == [f"✖ products/{folder}/product.yml\n{expected}"]


def test_invisible_character_in_a_slug_folder(scratch_catalog: Path) -> None:
    (scratch_catalog / "products/carob-powder").rename(scratch_catalog / "products/carob\u200b-powder")
    assert messages(scratch_catalog) == [
        "✖ products/carob\u200b-powder/product.yml\n"
        '  The folder name "carob\\u200b-powder" is not a valid id '
        "(lower-case letters, digits and hyphens).\n"
        '  Fix: Rename the folder to "carob-powder".'
    ]


def test_a_folder_without_its_record(scratch_catalog: Path) -> None:
    (scratch_catalog / "products/new-oil").mkdir()
    assert messages(scratch_catalog) == [
        '✖ products/new-oil/product.yml\n  The folder "new-oil" holds no record file.\n'
        "  Fix: Add the record file, or delete the folder."
    ]
