"""Records that say what real cooperatives know (issue 11): unknowns, approximations, ranges,
pending certificates, names in Arabic, and the messages that teach how to write them. Each
case edits a copy of the sample records and checks the exact message a contributor reads.
The day is fixed to 2026-11-29 with SOURCE_DATE_EPOCH, as reproducible builds do."""

from __future__ import annotations

from pathlib import Path

import pytest

from miftah.catalog.loading import load_catalog
from support import NOV_29_2026, Edit, at, messages, run_site

ARGAN = "products/argan-oil-culinary/product.yml"
SAFFRON = "products/saffron-taliouine/product.yml"
TIFAOUT = "cooperatives/tifaout-argan/cooperative.yml"
HALF, COMMA, LOCAL_PHONE = 'value: "½"', 'price: "3,85"', 'phone: "0600000011"'


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOV_29_2026)


# -- approximate and ranged facts are values, written in one clear form -----------------------


def test_approximate_years_and_counts_are_accepted(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "founded_year: 2004", "founded_year: 1996-1999")
    edit(
        scratch_catalog / TIFAOUT,
        "  total: 40\n  women: 40",
        "  total: 50-60\n  women: ~40\n  seasonal: 600+",
    )
    loaded = load_catalog(scratch_catalog)
    assert loaded.problems == []
    assert loaded.catalog is not None
    cooperative = loaded.catalog.cooperatives["tifaout-argan"]
    assert cooperative.founded_year is not None and cooperative.members.total is not None
    assert (cooperative.founded_year.low, cooperative.founded_year.high) == (1996, 1999)
    assert (cooperative.members.total.low, cooperative.members.total.high) == (50, 60)
    assert cooperative.members.women is not None and cooperative.members.women.about
    assert cooperative.members.seasonal is not None and cooperative.members.seasonal.high is None


def test_either_or_year_gets_the_range_form(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "founded_year: 2004", "founded_year: 1996 or 1999")
    edit(scratch_catalog / TIFAOUT, "  total: 40\n", "  total: 60-50\n")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, 'founded_year:')} › founded_year\n"
        '  "1996 or 1999" is not a recognised number, approximate number or range.\n'
        "  Fix: Write it in one of these forms: 2007, ~2007, 1996-1999 (~ = about, 50-60 = between, "
        '80+ = at least). "1996 or 1999" is written 1996-1999.',
        f"✖ {at(scratch_catalog, TIFAOUT, 'total: 60-50')} › members.total\n"
        '  In the range "60-50", the first number is larger than the second.\n'
        "  Fix: Write the smaller number first.",
    ]


def test_price_range_in_dirhams_is_a_price(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / ARGAN, "    currency: USD", "    currency: MAD")
    edit(scratch_catalog / ARGAN, "        price: 48.00", '        price: "120-150"')
    loaded = load_catalog(scratch_catalog)
    assert loaded.problems == []
    assert loaded.catalog is not None
    pricing = loaded.catalog.products["argan-oil-culinary"].trade.pricing
    assert pricing is not None
    assert (str(pricing.tiers[0].price.low), str(pricing.tiers[0].price.high)) == ("120", "150")


def test_prices_as_written_in_the_wild_get_their_fix(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / ARGAN, "        price: 48.00", '        price: "3,85"')
    edit(scratch_catalog / ARGAN, "    currency: USD", "    currency: DH")
    edit(scratch_catalog / ARGAN, "    unit: l\n    tiers", "    unit: litre\n    tiers")
    edit(scratch_catalog / ARGAN, "      value: 500\n", '      value: "½"\n')
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, ARGAN, HALF)} › skus[2].net_content.value\n"
        '  "½": numbers are written with a decimal point.\n'
        "  Fix: Write 0.5",
        f"✖ {at(scratch_catalog, ARGAN, 'currency: DH')} › trade.pricing.currency\n"
        '  "DH" is not a known value (expected one of: USD, EUR, CNY, MAD).\n'
        '  Fix: Write "MAD".',
        f"✖ {at(scratch_catalog, ARGAN, 'unit: litre')} › trade.pricing.unit\n"
        '  "litre" is not a known value (expected one of: kg, g, t, l, ml, piece, carton).\n'
        '  Fix: Write "l".',
        f"✖ {at(scratch_catalog, ARGAN, COMMA)} › trade.pricing.tiers[1].price\n"
        '  "3,85": numbers are written with a decimal point.\n'
        "  Fix: Write 3.85",
    ]  # and no "pricing_incomplete" beside the currency error: the currency was written


def test_market_written_as_a_country_name_gets_its_id(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "    markets: [MA]", "    markets: [Morocco]")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, '[Morocco]')} › certificates[1].markets[1]\n"
        '  "Morocco" is not a known value (expected one of: MA, CN, EU, US, GCC, WORLD).\n'
        '  Fix: Write "MA".'
    ]


def test_national_tariff_line_gets_the_six_digit_code(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / ARGAN, 'hs_code: "1515.90"', 'hs_code: "1515.90.10"')
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, ARGAN, 'hs_code:')} › hs_code\n"
        '  "1515.90.10" is a national tariff line; this field expects the international 6-digit HS code.\n'
        "  Fix: Write 1515.90"
    ]


def test_certificate_dates_known_to_the_year_or_month(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "    valid_from: 2024-03-01", "    valid_from: 2024")
    edit(scratch_catalog / TIFAOUT, "    valid_from: 2026-01-15", "    valid_from: 2026-01")
    edit(scratch_catalog / TIFAOUT, "    valid_from: 2026-04-01", "    valid_from: 2026/04")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, 'valid_from: 2026/04')} › certificates[3].valid_from\n"
        '  "2026/04" is not a recognised date.\n'
        "  Fix: Write the year (2019), the year and month (2019-05) or the full date (2019-05-14), "
        "as in: 2025-01"
    ]


def test_pending_certificate_needs_no_number_nor_issuer(scratch_catalog: Path, edit: Edit) -> None:
    edit(
        scratch_catalog / TIFAOUT,
        "    kind: halal\n    status: certified\n    issuer: IMANOR (Halal Maroc)\n"
        "    number: EXEMPLE-HALAL-0001\n",
        "    kind: fair-for-life\n    status: applicant\n",
    )
    assert messages(scratch_catalog) == []


# -- a text is written in its language's script, and never a placeholder ------------------------


def test_text_in_the_wrong_script_is_flagged(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / ARGAN, "  zh: 食用阿甘油（摩洛哥坚果油）", "  zh: Huile d'argan alimentaire")
    edit(scratch_catalog / ARGAN, "  en: Culinary argan oil", "  en: 食用阿甘油")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, ARGAN, 'zh: Huile')} › name.zh\n"
        '  The Chinese (zh) text holds no Chinese character: "Huile d\'argan alimentaire".\n'
        '  Fix: Write the Chinese text on the "zh:" line; French goes on "fr:", English on "en:".',
        f"✖ {at(scratch_catalog, ARGAN, 'en: 食用阿甘油')} › name.en\n"
        '  This text is written in Chinese characters only: "食用阿甘油".\n'
        '  Fix: Write the French or English text here; Chinese goes on the "zh:" line.',
    ]


NAMES = {"zh": "食用阿甘油（摩洛哥坚果油）", "fr": "Huile d'argan alimentaire", "en": "Culinary argan oil"}


@pytest.mark.parametrize(
    ("lang", "placeholder"),
    [("zh", "待补充"), ("fr", "À compléter"), ("en", "To be completed"), ("en", "TODO")],
)
def test_placeholder_in_a_published_record_is_an_error(
    scratch_catalog: Path, edit: Edit, lang: str, placeholder: str
) -> None:
    edit(scratch_catalog / ARGAN, f"  {lang}: {NAMES[lang]}", f"  {lang}: {placeholder}")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, ARGAN, f'{lang}: {placeholder}')} › name.{lang}\n"
        f'  The text contains "{placeholder}": a placeholder must not appear on a published page.\n'
        "  Fix: Write the real text, or remove the field if it is optional (the page shows nothing "
        "rather than a placeholder)."
    ]


def test_placeholder_in_a_draft_waits_for_publication(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / ARGAN, "status: published", "status: draft")
    edit(scratch_catalog / ARGAN, "  fr: Huile d'argan alimentaire", "  fr: À compléter")
    assert messages(scratch_catalog) == []


def test_arabic_only_name_needs_no_coined_latin_spelling(scratch_catalog: Path, edit: Edit) -> None:
    edit(
        scratch_catalog / TIFAOUT,
        "  fr: Coopérative Tifaout (exemple)\n  en: Tifaout Cooperative (sample)\n",
        "  ar: تعاونية تيفاوت\n",
    )
    assert messages(scratch_catalog) == []  # French and English pages show the Arabic name
    result = run_site("build", scratch_catalog, scratch_catalog.parent / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = scratch_catalog.parent / "site/fr/cooperatives/tifaout-argan/index.html"
    html = page.read_text(encoding="utf-8")
    assert '<span lang="ar" dir="rtl">تعاونية تيفاوت</span>' in html  # the heading, right to left
    assert '<span class="ms-own-name" lang="ar" dir="rtl">تعاونية تيفاوت</span>' in html


def test_arabic_name_must_be_in_arabic_script(scratch_catalog: Path, edit: Edit) -> None:
    edit(
        scratch_catalog / TIFAOUT,
        "  en: Tifaout Cooperative (sample)\n",
        "  en: Tifaout Cooperative (sample)\n  ar: Tifaout\n",
    )
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, 'ar: Tifaout')} › name.ar\n"
        '  The Arabic (ar) name holds no Arabic letter: "Tifaout".\n'
        '  Fix: Write the name in Arabic script, or delete the "ar:" line.'
    ]


# -- what misled contributors in the trial ---------------------------------------------------


def test_present_but_empty_is_not_called_missing(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / ARGAN, "category: edible-oils", "category:")
    edit(scratch_catalog / ARGAN, "  fr: Huile d'argan alimentaire\n", "  fr:\n")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, ARGAN, '  fr:')} › name.fr\n"
        '  The "fr:" line is there, but empty; this text is required in that language.\n'
        '  Fix: Write the "fr" text after "fr:".',
        f"✖ {at(scratch_catalog, ARGAN, 'category:')} › category\n"
        '  The required field "category" is there, but empty.\n'
        '  Fix: Write its value after "category:", for example: category: edible-oils',
    ]


def test_missing_field_shows_a_line_to_copy(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / ARGAN, "last_verified: 2026-10-14 # date the information was last checked\n", "")
    assert messages(scratch_catalog) == [
        f"✖ {ARGAN}:2 › last_verified\n"
        '  The required field "last_verified" is missing.\n'
        "  Fix: Add a line like this one, at the right indentation: last_verified: 2026-11-01"
    ]


def test_malformed_phone_is_not_called_unreachable(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, '    phone: "+212600000011"', '    phone: "0600000011"')
    edit(scratch_catalog / TIFAOUT, "    email: export.tifaout@example.org\n", "")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, LOCAL_PHONE)} › contacts[2].phone\n"
        '  "0600000011" does not have the expected form.\n'
        "  Fix: Write it like this example: +212600000001"
    ]


def test_contact_without_any_way_names_the_four_and_the_desk(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "    email: export.tifaout@example.org\n", "")
    edit(scratch_catalog / TIFAOUT, '    phone: "+212600000011"\n', "")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, 'name: Khadija')} › contacts[2]\n"
        '  This contact has no "wechat", "email", "phone" or "whatsapp".\n'
        "  Fix: Add at least one of the four, or remove this contact: without one, inquiries go to "
        "the programme's export desk."
    ]


def test_province_and_region_must_agree(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "region: marrakech-safi", "region: souss-massa")
    assert messages(scratch_catalog) == [
        f"✖ {at(scratch_catalog, TIFAOUT, 'region: souss-massa')} › region\n"
        '  The province "essaouira" lies in the region "marrakech-safi", not the one written here.\n'
        '  Fix: Write "region: marrakech-safi", or remove "region": it is taken from the province.'
    ]


def test_region_is_taken_from_the_province(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, "region: marrakech-safi\n", "")
    loaded = load_catalog(scratch_catalog)
    assert loaded.problems == [] and loaded.catalog is not None
    assert loaded.catalog.cooperatives["tifaout-argan"].region == "marrakech-safi"


# -- the claim guard reads real phrasings ------------------------------------------------------

ORGANIC_SUMMARY = "  zh: 烘焙果仁冷榨的食用摩洛哥坚果油，"


@pytest.mark.parametrize("phrase", ["未获有机认证", "有机认证申请中", "未见有机证书", "正在申请有机认证"])
def test_negated_or_pending_organic_wording_is_honest(scratch_catalog: Path, edit: Edit, phrase: str) -> None:
    edit(scratch_catalog / ARGAN, ORGANIC_SUMMARY, f"  zh: {phrase}。烘焙果仁冷榨的食用摩洛哥坚果油，")
    assert messages(scratch_catalog) == []


@pytest.mark.parametrize(
    "claim",
    [
        "有机认证申请中的有机产品",  # an allowed phrase does not launder a claim beside it
        "未获有机认证，但按有机方式种植",
        "纯天然有机阿甘油",
        "有 机",  # spaced out: not the word, but a reader sees it: must be refused too
    ],
)
def test_organic_claims_hidden_in_real_phrasings_are_refused(
    scratch_catalog: Path, edit: Edit, claim: str
) -> None:
    edit(scratch_catalog / ARGAN, ORGANIC_SUMMARY, f"  zh: {claim}。烘焙果仁冷榨的食用摩洛哥坚果油，")
    codes = [problem.code for problem in load_catalog(scratch_catalog).problems]
    assert codes == ["organic_claim"]
