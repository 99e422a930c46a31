"""What a pull request adds or alters, in Markdown: `python scripts/pr_summary.py --base REV`.

Compares REV (the pull request's base commit) with HEAD and sorts the changed files into
records, photos, hand-written pages and code; the pull-request workflow appends the result to
the job summary. Exit status 0, even when the change touches code (the summary says so).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.ci import changes  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True, help="base commit of the comparison")
    parser.add_argument("--head", default="HEAD")
    args = parser.parse_args()
    command = ["git", "diff", "--name-status", "-M", f"{args.base}...{args.head}", "--"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=60)
    if result.returncode != 0:
        print(f"Cannot compare with {args.base}: {result.stderr.strip()}", file=sys.stderr)
        return 1
    print(changes.markdown(changes.summarise(changes.parse_name_status(result.stdout))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
