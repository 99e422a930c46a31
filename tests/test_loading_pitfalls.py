"""Strict loading: each PyYAML pitfall gives one clear message, never a wrong value or a crash.

Each test writes one small record file and reads it with ``read_record``; the expected text is
what a cooperative member reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from miftah.catalog.problems import format_problem
from miftah.catalog.yamlnodes import MAX_FILE_BYTES, Mapping, Scalar, read_record

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
    ],
    ids=["empty", "list", "two-documents", "bom"],
)
def test_file_shapes(tmp_path: Path, content: str | bytes, expected: str) -> None:
    _, problems = read(tmp_path, content)
    assert problems == [expected]


# Syntax mistakes: (record text, line of the mistake, English message, French message). The
# line is where the mistake is: an unclosed quote where it opened, not where the parser gave up.
SYNTAX = {
    "unclosed quote": (
        'name:\n  en: "Culinary oil\n  fr: Huile\nstatus: published\n',
        2,
        "The quote opened on this line is never closed.\n"
        "  Fix: Close the quote at the end of the value, on the same line (\"…\" or '…').",
        "Le guillemet ouvert sur cette ligne n'est jamais fermé.\n"
        "  Correction\u00a0: Fermez le guillemet à la fin de la valeur, sur la même ligne (\"…\" ou '…').",
    ),
    "colon in a value": (
        "status: published\ntitle: Note: organic\n",
        2,
        "This value contains a colon followed by a space, which YAML reads as a new field.\n"
        '  Fix: Put the whole value in quotes, for example `title: "Note: organic"`.',
        "Cette valeur contient un deux-points suivi d'un espace, que le YAML lit comme un nouveau champ.\n"
        '  Correction\u00a0: Mettez toute la valeur entre guillemets, par exemple « title: "Note : bio" ».',
    ),
    "missing colon": (
        "a: 1\nstatus\nc: 2\n",
        2,
        "This line has no colon after the field name.\n"
        '  Fix: Write "field: value" (a colon followed by a space).',
        "Cette ligne n'a pas de deux-points après le nom du champ.\n"
        "  Correction\u00a0: Écrivez « champ: valeur » (deux-points suivi d'un espace).",
    ),
    "unclosed bracket": (
        "status: published\ntags: [oil, argan\nb: 3\n",
        2,
        'The list or group opened with "[" or "{" on this line is never closed.\n'
        '  Fix: Close it with "]" or "}", or write the list with one dash per line.',
        "La liste ou le groupe ouvert par « [ » ou « { » sur cette ligne n'est jamais fermé.\n"
        "  Correction\u00a0: Fermez-le par « ] » ou « } », ou écrivez la liste avec un tiret par ligne.",
    ),
    "indentation": (
        "name:\n  en: Oil\n fr: Huile\n",
        3,
        "This line does not fit with the lines above: its indentation (the spaces at the start) is wrong, "
        "or text follows a quoted value.\n"
        "  Fix: Line it up with the fields of the same level (same number of spaces) and leave nothing "
        "after the closing quote.",
        "Cette ligne ne s'accorde pas avec les lignes au-dessus : son retrait (les espaces au début) est "
        "faux, ou du texte suit une valeur entre guillemets.\n"
        "  Correction\u00a0: Alignez-la sur les champs de même niveau (même nombre d'espaces) et ne "
        "laissez rien après le guillemet fermant.",
    ),
    "anything else": (
        "a: 1\nb: @x\n",
        2,
        "The YAML is not valid here: found character that cannot start any token.\n"
        '  Fix: Compare this line with the "Minimal example" in CONTRIBUTING.md (colon followed by a '
        "space, indentation with spaces, quotes closed).",
        "Le YAML n'est pas valide ici (message du lecteur YAML, en anglais : found character that cannot "
        "start any token).\n"
        "  Correction\u00a0: Comparez cette ligne avec l'« Exemple minimal » de CONTRIBUTING.md "
        "(deux-points suivi d'un espace, indentation par espaces, guillemets fermés).",
    ),
}


@pytest.mark.parametrize("case", SYNTAX)
def test_syntax_mistakes_in_our_words_at_their_line(tmp_path: Path, case: str) -> None:
    content, line, english, french = SYNTAX[case]
    path = tmp_path / "product.yml"
    path.write_text(content, encoding="utf-8")
    top, problems = read_record(str(path), SHOWN)
    assert top is None
    assert [format_problem(problem, "en") for problem in problems] == [f"✖ {SHOWN}:{line}\n  {english}"]
    assert [format_problem(problem, "fr") for problem in problems] == [f"✖ {SHOWN}:{line}\n  {french}"]


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
