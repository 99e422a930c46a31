"""The kinds that let a record say what is known as precisely as it is known (issue 11):
approximate counts and years, prices and price ranges, partial dates, HS codes, names in
several scripts — each way of writing them right, and each way of getting them wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_kinds import convert

from miftah.catalog.kinds import (
    Approx,
    Field,
    Flag,
    HsCode,
    ListOf,
    Partial,
    PartialDate,
    Price,
    Record,
    Span,
    Text,
    example_line,
)
from miftah.catalog.schema import HEADCOUNT, NAME, YEAR


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("40", Approx(40, 40)),
        ("~40", Approx(40, 40, about=True)),
        ('"about 40"', Approx(40, 40, about=True)),
        ('"environ 40"', Approx(40, 40, about=True)),
        ('"50 - 60"', Approx(50, 60)),
        ('"50–60"', Approx(50, 60)),
        ('"80+"', Approx(80, None)),
    ],
)
def test_approximate_counts(tmp_path: Path, written: str, expected: Approx) -> None:
    assert convert(tmp_path, HEADCOUNT, written) == (expected, [])


@pytest.mark.parametrize(
    ("written", "what"),
    [
        ('"quarante"', '"quarante" is not a recognised number, approximate number or range.'),
        ('"12345678"', '"12345678" is not a recognised number, approximate number or range.'),
        ('"200000"', "200000 is out of range (from 0 to 100000)."),
        ('"60-50"', 'In the range "60-50", the first number is larger than the second.'),
    ],
)
def test_approximate_counts_written_wrong(tmp_path: Path, written: str, what: str) -> None:
    value, messages = convert(tmp_path, HEADCOUNT, written)
    assert value is None and messages[0].splitlines()[1].strip() == what


def test_approximate_year_in_range_only(tmp_path: Path) -> None:
    assert convert(tmp_path, YEAR, '"1996-1999"')[0] == Approx(1996, 1999)
    value, messages = convert(tmp_path, YEAR, '"1850"')
    assert value is None and "1850 is out of range (from 1900 to 2100)." in messages[0]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("12.50", Span(Decimal("12.50"))),
        ('"120-150"', Span(Decimal(120), Decimal(150))),
        ('"3 – 4.5"', Span(Decimal(3), Decimal("4.5"))),
    ],
)
def test_prices_and_ranges(tmp_path: Path, written: str, expected: Span) -> None:
    assert convert(tmp_path, Price(), written) == (expected, [])


@pytest.mark.parametrize(
    ("written", "what"),
    [
        ('"1-2-3"', '"1-2-3" is not a number with at most 2 decimal(s).'),
        ('"12.505"', '"12.505" is not a number with at most 2 decimal(s).'),
        ('"150-120"', 'In the range "150-120", the first number is larger than the second.'),
        ('"12,50"', '"12,50": numbers are written with a decimal point.'),
    ],
)
def test_prices_written_wrong(tmp_path: Path, written: str, what: str) -> None:
    value, messages = convert(tmp_path, Price(), written)
    assert value is None and messages[0].splitlines()[1].strip() == what


def test_partial_dates(tmp_path: Path) -> None:
    assert convert(tmp_path, PartialDate(), '"2019"')[0] == Partial(2019)
    assert convert(tmp_path, PartialDate(), '"2019-05"')[0] == Partial(2019, 5)
    assert convert(tmp_path, PartialDate(), '"2019-05-14"')[0] == Partial(2019, 5, 14)
    for impossible in ('"2019-13"', '"2019-02-30"'):
        value, messages = convert(tmp_path, PartialDate(), impossible)
        assert value is None and "does not exist" in messages[0], messages


def test_hs_code_forms(tmp_path: Path) -> None:
    assert convert(tmp_path, HsCode(), '"1515.90"') == ("1515.90", [])
    value, messages = convert(tmp_path, HsCode(), '"151590"')
    assert value is None and messages[0].endswith("Fix: Write it like this example: 1515.90")
    value, messages = convert(tmp_path, HsCode(), '"1515 90 10"')
    assert value is None and messages[0].endswith("Fix: Write 1515.90")


def test_shapes_that_are_not_what_a_field_expects(tmp_path: Path) -> None:
    """A list where a text is expected, a text where translations, a list or fields are."""
    assert "expects a plain text" in convert(tmp_path, Text(), "[a, b]")[1][0]
    assert "must be given per language" in convert(tmp_path, NAME, "Tifaout")[1][0]
    assert "expects a list" in convert(tmp_path, ListOf(item=Text()), "Tifaout")[1][0]
    record = Record(fields=(Field("inner", Text(), False, "", ""),))
    assert "expects" in convert(tmp_path, record, "Tifaout")[1][0]
    value, messages = convert(tmp_path, record, "{colour: red}")
    assert value == {} and 'There is no field "colour" here' in messages[0]
    value, messages = convert(tmp_path, NAME, "{zh: [a], fr: Nom, en: Name}")
    assert value == {"fr": "Nom", "en": "Name"} and len(messages) == 1  # told once, not also "missing"


def test_example_lines_to_copy() -> None:
    assert example_line(Field("sample", Flag(), False, "", "")) == "sample: true"
    assert (
        example_line(Field("name", NAME, True, "", "")) == 'name: {"zh": "名称", "fr": "Nom", "en": "Name"}'
    )
