"""Write .github/CODEOWNERS from the records: `python scripts/codeowners.py` (`make codeowners`).

Code and configuration belong to the maintainers; each cooperative's folder and its products'
folders to the reviewers named in its record. `make check` reports a file out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from miftah.catalog import problems  # noqa: E402
from miftah.catalog.loading import load_catalog  # noqa: E402
from miftah.ci import codeowners  # noqa: E402
from miftah.publishing import site  # noqa: E402


def main() -> int:
    loaded = load_catalog(ROOT)
    if loaded.catalog is None:
        print(problems.format_report(loaded.problems, site.message_language()), file=sys.stderr)
        print("CODEOWNERS not written: fix the records first.", file=sys.stderr)
        return 1
    target = ROOT / codeowners.PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(codeowners.for_catalog(loaded.catalog), encoding="utf-8")
    print(f"Wrote {codeowners.PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
