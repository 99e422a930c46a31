"""Each kind of field value: one passing and one failing case, with the exact message."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from miftah.catalog.kinds import (
    Amount,
    Choice,
    Date,
    Field,
    File,
    Flag,
    Integer,
    ListOf,
    Record,
    Text,
    Translated,
    Where,
)
from miftah.catalog.problems import Problem, format_problem
from miftah.catalog.yamlnodes import read_record

SHOWN = "products/x/product.yml"


def convert(tmp_path: Path, kind: Any, yaml_value: str) -> tuple[Any, list[str]]:
    """Convert ``value: <yaml_value>`` with a one-field record of that kind."""
    path = tmp_path / "product.yml"
    path.write_text(f"value: {yaml_value}\n", encoding="utf-8")
    top, read_problems = read_record(str(path), SHOWN)
    assert top is not None and read_problems == []
    problems: list[Problem] = []
    values = Record(fields=(Field("value", kind, True, "", ""),)).convert(
        top, Where(SHOWN, tmp_path, problems)
    )
    return (values or {}).get("value"), [format_problem(problem, "en") for problem in problems]


def failure(message: str, fix: str, field: str = "value", line: int = 1) -> list[str]:
    return [f"✖ {SHOWN}:{line} › {field}\n  {message}\n  Fix: {fix}"]


@pytest.mark.parametrize(
    ("kind", "good", "expected", "bad", "message", "fix"),
    [
        (
            Flag(),
            "true",
            True,
            "yes",
            '"yes" is not a recognised yes/no value.',
            "Write true or false, without quotes.",
        ),
        (
            Flag(),
            "false",
            False,
            "NO",
            '"NO" is not a recognised yes/no value.',
            "Write true or false, without quotes.",
        ),
        (
            Integer(low=1, high=120),
            "18",
            18,
            "0612",
            "0612 is out of range (from 1 to 120).",
            "Write a value between 1 and 120.",
        ),
        (
            Integer(),
            "24",
            24,
            "1_000",
            '"1_000" is not a whole number written in digits.',
            "Write digits only, without spaces, dots or units (for example 24).",
        ),
        (
            Amount(decimals=2),
            '"1.10"',
            Decimal("1.10"),
            "12.345",
            '"12.345" is not a number with at most 2 decimal(s).',
            "Write it with a decimal point, like 12.50.",
        ),
        (
            Date(),
            "2026-02-28",
            datetime.date(2026, 2, 28),
            "2025-02-30",
            "The date 2025-02-30 does not exist in the calendar.",
            "Check the day and the month.",
        ),
        (
            Date(),
            "2026-11-01",
            datetime.date(2026, 11, 1),
            "01/11/2026",
            '"01/11/2026" is not a date written YYYY-MM-DD.',
            "Write the date like 2026-11-01.",
        ),
        (
            Choice(choices=("draft", "published")),
            "draft",
            "draft",
            "publised",
            '"publised" is not a known value (expected one of: draft, published).',
            'Write "published".',
        ),
        (
            Text(pattern=r"^[0-9]{4}\.[0-9]{2}$", sample="1515.90"),
            "1515.90",
            "1515.90",
            "1515.9",
            '"1515.9" does not have the expected form.',
            "Write it like this example: 1515.90",
        ),
        (
            Text(max_chars=5),
            "abcde",
            "abcde",
            "abcdef",
            "At most 5 characters (currently 6).",
            "Shorten the text.",
        ),
        (
            Text(),
            "argan",
            "argan",
            '"arg\\u200ban"',
            "The value contains an invisible or control character (arg\\u200ban).",
            "Delete the value and type it again (do not copy and paste).",
        ),
    ],
)
def test_scalar_kinds(
    tmp_path: Path, kind: Any, good: str, expected: Any, bad: str, message: str, fix: str
) -> None:
    assert convert(tmp_path, kind, good) == (expected, [])
    assert convert(tmp_path, kind, bad) == (None, failure(message, fix))


def test_translated_requires_every_language_for_names(tmp_path: Path) -> None:
    kind = Translated(all_languages=True)
    value, problems = convert(tmp_path, kind, "{fr: Safran, en: Saffron}")
    assert value == {"fr": "Safran", "en": "Saffron"}
    assert problems == failure(
        'The "zh" translation is missing; this field requires it.',
        'Add "zh: …" under this field.',
        "value.zh",
    )


def test_translated_warns_for_an_optional_language(tmp_path: Path) -> None:
    _, problems = convert(tmp_path, Translated(), "{zh: 藏红花, fr: Safran}")
    assert problems == [
        f"⚠ {SHOWN}:1 › value.en\n"
        '  The "en" translation is missing; the site will show another language with a notice.\n'
        '  Fix: Add "en: …" under this field.'
    ]


def test_translated_refuses_unknown_languages(tmp_path: Path) -> None:
    _, problems = convert(tmp_path, Translated(), "{zh: 藏红花, fr: Safran, en: Saffron, ar: زعفران}")
    assert problems == failure(
        '"ar" is not a language of the site (zh, fr, en).',
        "Use zh (Chinese), fr (French) or en (English).",
        "value.ar",
    )


def test_file_must_exist_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "photo-1.jpg").write_bytes(b"")
    assert convert(tmp_path, File(), "photo-1.jpg") == ("photo-1.jpg", [])
    assert convert(tmp_path, File(), "photo-2.jpg") == (
        None,
        failure(
            'The file "photo-2.jpg" does not exist in the record\'s folder.',
            "Add the file to this folder, or correct its name (capitals included).",
        ),
    )


@pytest.mark.parametrize("name", ["https://example.org/a.jpg", "/etc/passwd.jpg", "../other/a.jpg"])
def test_file_outside_the_folder(tmp_path: Path, name: str) -> None:
    assert convert(tmp_path, File(), f'"{name}"') == (
        None,
        failure(
            f'"{name}" is not a file in the record\'s folder (a web address, a path or "..").',
            "Put the file in the same folder as the record and write only its name.",
        ),
    )


def test_symlinked_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "link.jpg").symlink_to("/etc/hostname")
    assert convert(tmp_path, File(), "link.jpg") == (
        None,
        failure(
            '"link.jpg" is a symbolic link, not a real file.', "Replace the link with a copy of the file."
        ),
    )


def test_svg_is_not_an_accepted_photo(tmp_path: Path) -> None:
    assert convert(tmp_path, File(), "logo.svg") == (
        None,
        failure(
            '"logo.svg" does not have an accepted extension (.jpg, .jpeg, .png, .webp).',
            "Save the image as JPEG, PNG or WebP.",
        ),
    )


def test_list_size(tmp_path: Path) -> None:
    kind = ListOf(item=Text(), min_items=1, max_items=2)
    assert convert(tmp_path, kind, "[a, b]") == (["a", "b"], [])
    assert convert(tmp_path, kind, "[a, b, c]") == (
        ["a", "b", "c"],
        failure("The list must have 1 to 2 items (currently 3).", "Add or remove items."),
    )
