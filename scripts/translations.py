"""Report missing translations: `python scripts/translations.py [--format text|markdown]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.catalog.loading import load_catalog  # noqa: E402
from miftah.editing.translations import report  # noqa: E402
from miftah.publishing import site  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    args = parser.parse_args()
    print(report(load_catalog(site.records_root(ROOT)), markdown=args.format == "markdown"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
