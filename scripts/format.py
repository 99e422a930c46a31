"""Write every record in its canonical layout: `python scripts/format.py [--check] [--format github]`.

The layout is the one the web editor writes (see hooks/miftah/editing/recordformat.py), so that a diff
shows only the fields that changed. With --check, writes nothing: prints each record that is not
in it (file, first differing line, fix, in French and English) and exits 1. Reads the records
under MIFTAH_RECORDS when it is set, like scripts/check.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.catalog import problems  # noqa: E402
from miftah.catalog.loading import RECORD_FILE  # noqa: E402
from miftah.catalog.schema import COOPERATIVE, PRODUCT, PROGRAMME  # noqa: E402
from miftah.ci import annotate  # noqa: E402
from miftah.editing import recordformat  # noqa: E402
from miftah.publishing import site  # noqa: E402

KINDS = {"products": ("product", PRODUCT), "cooperatives": ("cooperative", COOPERATIVE)}
KINDS["programme"] = ("programme", PROGRAMME)


def record_files(root: Path) -> list[tuple[Path, str]]:
    """(file, kind name) of every record under ``root``."""
    found = []
    for folder, file_name in RECORD_FILE.items():
        found += [(path, KINDS[folder][0]) for path in sorted((root / folder).glob(f"*/{file_name}"))]
        if (root / folder / file_name).is_file():
            found.append((root / folder / file_name, KINDS[folder][0]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; report what is not in the layout"
    )
    parser.add_argument("--lang", choices=problems.MESSAGE_LANGUAGES, help="language of the messages")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="github: annotations")
    args = parser.parse_args()
    root = site.records_root(ROOT)
    schemas = {name: record for name, record in KINDS.values()}
    found: list[problems.Problem] = []
    written = 0
    for path, kind in record_files(root):
        text = path.read_text(encoding="utf-8")
        try:
            canonical = recordformat.format_record(text, kind, schemas[kind])
        except (recordformat.FormatError, UnicodeDecodeError):
            continue  # not YAML: `make check` says where and why
        if canonical == text:
            continue
        shown = path.relative_to(root).as_posix()
        if args.check:
            line = recordformat.first_difference(text, canonical)
            found.append(problems.Problem(shown, line, "", "not_canonical", {}, "warning"))
        else:
            path.write_text(canonical, encoding="utf-8")
            written += 1
            print(f"formatted: {shown}")
    if args.check and found:
        lang = site.message_language(args.lang)
        print(annotate.report(found) if args.format == "github" else problems.format_report(found, lang))
        return 1
    if not args.check:
        print(f"{written} record(s) formatted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
