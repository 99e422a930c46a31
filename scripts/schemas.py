"""Write the editor help generated from the schema: `python scripts/schemas.py [--check]`.

Writes schemas/product.schema.json, schemas/cooperative.schema.json and
schemas/programme.schema.json, and the field reference
inside CONTRIBUTING.md, and the web editor's configuration editor/config.json.
With --check, writes nothing and exits 1 when a file is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.editing import editor, reference  # noqa: E402


def expected_files() -> dict[Path, str]:
    files = {
        ROOT / "schemas" / f"{name}.schema.json": reference.json_schema(name) for name in reference.SCHEMAS
    }
    files[ROOT / "editor" / "config.json"] = editor.configuration_text()
    contributing = ROOT / "CONTRIBUTING.md"
    files[contributing] = reference.replace_reference(contributing.read_text(encoding="utf-8"))
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only tell whether the files are up to date")
    args = parser.parse_args()
    stale = []
    for path, text in expected_files().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(ROOT))
        if not args.check:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if args.check else 'written'}: {path}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
