"""Strict loading: each PyYAML pitfall gives one clear message, never a wrong value or a crash.

Each test writes one small record file and reads it with ``read_record``; the expected text is
what a cooperative member reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from miftah.problems import format_problem
from miftah.yamlnodes import MAX_FILE_BYTES, Mapping, Scalar, read_record

SHOWN = "products/x/product.yml"


def read(tmp_path: Path, content: bytes | str) -> tuple[Mapping | None, list[str]]:
    path = tmp_path / "product.yml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    top, problems = read_record(str(path), SHOWN)
    return top, [format_problem(problem, "en") for problem in problems]


def test_scalars_stay_as_written(tmp_path: Path) -> None:
    top, problems = read(tmp_path, "a: NO\nb: 0612345677\nc: 1.10\nd: 12:30\ne: 2025-02-30\n")
    assert problems == []
    assert top is not None
    values = {key: entry.value for key, entry in top.entries.items()}
    assert values == {
        "a": Scalar("NO", 1, False),
        "b": Scalar("0612345677", 2, False),
        "c": Scalar("1.10", 3, False),
        "d": Scalar("12:30", 4, False),
        "e": Scalar("2025-02-30", 5, False),
    }


def test_duplicate_keys_at_any_depth(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "name:\n  fr: Un\n  fr: Deux\n")
    assert problems == [
        f'✖ {SHOWN}:3\n  The field "fr" appears twice (already on line 2).\n'
        '  Fix: Keep one "fr" and delete the other.'
    ]


def test_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    top, problems = read(tmp_path, "\n".join(lines) + "\n")
    assert top is not None  # read, not expanded: the aliases are reported instead
    assert f'✖ {SHOWN}:1\n  YAML anchors (&a) are not accepted in records.\n  Fix: Remove "&a".' in problems
    assert len(problems) == 9 + 8 * 9  # every anchor (one a line) and every alias (nine a line)


def test_python_tag_is_refused(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "x: !!python/object/apply:os.system ['echo hi']\n")
    assert problems[0] == (
        f"✖ {SHOWN}:1\n"
        "  YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not accepted in records.\n"
        '  Fix: Remove the tag starting with "!"; put the value in quotes if needed.'
    )


@pytest.mark.parametrize("depth", [13, 5000])  # ours, and beyond the parser's own limit
def test_deep_nesting_is_reported_not_a_crash(tmp_path: Path, depth: int) -> None:
    _, problems = read(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert problems == [
        f"✖ {SHOWN}:1\n  The record is nested more than 12 levels deep.\n"
        "  Fix: Check the indentation: no field is that deep."
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "",
            f"✖ {SHOWN}:1\n  The file is empty.\n"
            '  Fix: Copy the "Minimal example" from CONTRIBUTING.md and fill it in.',
        ),
        (
            "- a\n- b\n",
            f'✖ {SHOWN}:1\n  A record must be a set of "name: value" fields.\n'
            '  Fix: Start the file like the "Minimal example" in CONTRIBUTING.md.',
        ),
        (
            "a: 1\n---\nb: 2\n",
            f"✖ {SHOWN}:3\n  The file holds several YAML documents (separated by ---).\n"
            '  Fix: Keep one record per file and delete the "---" line.',
        ),
        (
            b"\xef\xbb\xbfa: 1\n",
            f"✖ {SHOWN}:1\n  The file starts with a byte-order mark (BOM).\n"
            '  Fix: Save the file as "UTF-8" without BOM.',
        ),
        (
            "a: 'unclosed\n",
            f"✖ {SHOWN}:2\n  The YAML is not valid here: found unexpected end of stream.\n"
            '  Fix: Compare this line with the "Minimal example" in CONTRIBUTING.md '
            "(colon followed by a space, indentation with spaces, quotes closed).",
        ),
    ],
    ids=["empty", "list", "two-documents", "bom", "syntax"],
)
def test_file_shapes(tmp_path: Path, content: str | bytes, expected: str) -> None:
    _, problems = read(tmp_path, content)
    assert problems == [expected]


def test_windows_1252_text(tmp_path: Path) -> None:
    _, problems = read(
        tmp_path, "a: 1\nb: «cafe\u0301»\n".encode("cp1252", errors="replace").replace(b"?", b"\xe9")
    )
    assert problems == [
        f"✖ {SHOWN}:2\n  The text is not encoded as UTF-8 (often: Latin-1 or Windows-1252).\n"
        '  Fix: Save the file as "UTF-8" in your editor, then check the accents on this line.'
    ]


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "a: " + "x" * MAX_FILE_BYTES + "\n")
    assert problems == [
        f"✖ {SHOWN}\n  The file is larger than 256 KB, the most a record may be.\n"
        "  Fix: Shorten the texts; photos go in separate files."
    ]
