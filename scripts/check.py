"""Validate every record: `python scripts/check.py [--lang fr|en] [--strict] [--format text|github]`.

Prints every problem (file, line, field, what is wrong, how to fix it), then one summary line;
``--format github`` prints them as GitHub Actions annotations instead, in French and English.
Also reports a ``.github/CODEOWNERS`` that no longer matches the records (run `make codeowners`).
Exit status 1 when any record has an error, or a warning under --strict; 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.catalog import problems  # noqa: E402
from miftah.catalog.loading import Loaded, load_catalog  # noqa: E402
from miftah.ci import annotate, codeowners  # noqa: E402
from miftah.publishing import site  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=problems.MESSAGE_LANGUAGES, help="language of the messages")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too (notices never fail)")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="github: annotations")
    args = parser.parse_args()
    lang = site.message_language(args.lang)
    records = site.records_root(ROOT)
    loaded = load_catalog(records)
    found = loaded.problems + (codeowners_problems(loaded) if records == ROOT else [])
    if args.format == "github":
        print(annotate.report(found))
    else:
        print(problems.format_report(found, lang))
    errors = [problem for problem in found if problem.is_error]
    failed = bool(errors) or (args.strict and any(problem.fails_strict for problem in found))
    return 1 if failed else 0


def codeowners_problems(loaded: Loaded) -> list[problems.Problem]:
    """The repository's CODEOWNERS against the records (only when they load without error)."""
    if loaded.catalog is None:
        return []
    committed = ROOT / codeowners.PATH
    text = committed.read_text(encoding="utf-8") if committed.is_file() else None
    return codeowners.check(text, codeowners.for_catalog(loaded.catalog))


if __name__ == "__main__":
    sys.exit(main())
