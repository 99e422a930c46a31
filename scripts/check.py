"""Validate every record: `python scripts/check.py [--lang fr|en] [--strict]`.

Prints every problem (file, line, field, what is wrong, how to fix it), then one summary line.
Exit status 1 when any record has an error, or a warning under --strict; 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah import problems, site  # noqa: E402
from miftah.loading import load_catalog  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=problems.MESSAGE_LANGUAGES, help="language of the messages")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    args = parser.parse_args()
    lang = site.message_language(args.lang)
    loaded = load_catalog(site.records_root(ROOT))
    print(problems.format_report(loaded.problems, lang))
    failed = bool(loaded.errors) or (args.strict and bool(loaded.problems))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
