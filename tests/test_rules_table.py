"""Cross-field rules that no other test triggers, each from one edit of the sample records and
its exact message (the day is fixed to 2026-11-29 with SOURCE_DATE_EPOCH)."""

from __future__ import annotations

from pathlib import Path

import pytest

from miftah.catalog.loading import load_catalog
from miftah.catalog.problems import format_problem
from support import Edit, line_of

ARGAN = "products/argan-oil-culinary/product.yml"
TIFAOUT = "cooperatives/tifaout-argan/cooperative.yml"
NOV_29_2026 = "1795910400"

# case: (record, text to replace, replacement, line needle, field, message and fix)
CASES = {
    "pricing_both": (
        ARGAN,
        "    currency: USD\n    incoterm: FOB\n",
        "    on_request: true\n    currency: USD\n    incoterm: FOB\n",
        "  pricing:",
        "trade.pricing",
        'The price is both "on request" and given in tiers.\n'
        '  Fix: Keep either "on_request: true" or the "tiers", not both.',
    ),
    "gacc_number_unexpected": (
        ARGAN,
        "  gacc_status: pending # edible oil: ONSSA must recommend the cooperative to GACC\n",
        "  gacc_status: pending\n  gacc_number: CMAR12345678901\n",
        "gacc_number:",
        "china_market.gacc_number",
        'A GACC number is given while the status is "pending".\n'
        '  Fix: Set "gacc_status: registered" if the registration is done, otherwise remove the number.',
    ),
    "year_in_future": (
        TIFAOUT,
        "founded_year: 2004",
        "founded_year: 2027",
        "founded_year:",
        "founded_year",
        "The year 2027 is in the future.\n  Fix: Write the actual founding year.",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_rule(case: str, scratch_catalog: Path, edit: Edit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOV_29_2026)
    record, old, new, needle, field, words = CASES[case]
    edit(scratch_catalog / record, old, new)
    line = line_of(scratch_catalog / record, needle)
    found = [format_problem(problem, "en") for problem in load_catalog(scratch_catalog).problems]
    assert found == [f"✖ {record}:{line} › {field}\n  {words}"]
