"""Start a new record: `python scripts/new_record.py product|cooperative`.

Asks a few questions (or takes them as options, e.g. --slug, --name-zh), writes a commented
skeleton that passes validation into products/<slug>/ or cooperatives/<slug>/, and checks it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah import clock, problems, site  # noqa: E402
from miftah.languages import CODES  # noqa: E402
from miftah.loading import COOPERATIVES_DIR, PRODUCTS_DIR, RECORD_FILE, load_catalog  # noqa: E402
from miftah.scaffold import skeleton  # noqa: E402
from miftah.schema import SLUG_PATTERN  # noqa: E402
from miftah.taxonomy import vocabulary  # noqa: E402

Ask = Callable[[str, str, list[str] | None], str]


def ask_terminal(question: str, default: str, choices: list[str] | None) -> str:
    hint = f" ({', '.join(choices)})" if choices and len(choices) <= 12 else ""
    shown_default = f" [{default}]" if default else ""
    while True:
        answer = input(f"{question}{hint}{shown_default}: ").strip() or default
        if answer and (not choices or answer in choices):
            return answer
        print("  → " + ("choose one of the values listed" if choices else "an answer is needed"))


def product_answers(ask: Ask, records: Path) -> tuple[str, dict[str, Any]]:
    cooperatives = sorted(p.name for p in (records / COOPERATIVES_DIR).iterdir() if p.is_dir())
    slug = _slug(ask, "Identifiant du produit / product id (ex. huile-argan-alimentaire)")
    cooperative = ask("Coopérative / cooperative", cooperatives[0] if cooperatives else "", cooperatives)
    answers: dict[str, Any] = {
        "cooperative": cooperative,
        "category": ask("Catégorie / category", "", list(vocabulary("categories"))),
        "status": "draft",
        "last_verified": clock.today().isoformat(),
        "name": {code: ask(f"Nom / name ({code})", "", None) for code in CODES},
        "origin.region": ask("Région d'origine / region of origin", "", list(vocabulary("regions"))),
        "trade.pricing.on_request": True,
        "china_market.gacc_status": "not_started",
    }
    return slug, answers


def cooperative_answers(ask: Ask, records: Path) -> tuple[str, dict[str, Any]]:
    slug = _slug(ask, "Identifiant de la coopérative / cooperative id (ex. tifaout-argan)")
    answers: dict[str, Any] = {
        "name": {code: ask(f"Nom / name ({code})", "", None) for code in CODES},
        "legal_name": ask("Nom officiel enregistré / registered legal name", "", None),
        "legal_form": ask("Forme juridique / legal form", "cooperative", list(vocabulary("legal_forms"))),
        "region": ask("Région / region", "", list(vocabulary("regions"))),
        "contacts[].name": ask("Personne à contacter / contact person", "", None),
        "contacts[].email": ask("E-mail de cette personne / e-mail of this person", "", None),
    }
    return slug, answers


def _slug(ask: Ask, question: str) -> str:
    while True:
        slug = ask(question, "", None)
        if re.fullmatch(SLUG_PATTERN, slug):
            return slug
        print("  → lower-case letters, digits and hyphens only (minuscules, chiffres et tirets)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("record_type", choices=("product", "cooperative"))
    args = parser.parse_args()
    records = site.records_root(ROOT)
    collection = PRODUCTS_DIR if args.record_type == "product" else COOPERATIVES_DIR
    make_answers = product_answers if args.record_type == "product" else cooperative_answers
    slug, answers = make_answers(ask_terminal, records)
    folder = records / collection / slug
    if folder.exists():
        print(f"{folder.relative_to(records)} exists already: choose another id.", file=sys.stderr)
        return 1
    folder.mkdir(parents=True)
    target = folder / RECORD_FILE[collection]
    target.write_text(skeleton(args.record_type, answers), encoding="utf-8")
    print(f"Written: {target.relative_to(records)}")
    mine = [p for p in load_catalog(records).problems if p.path.startswith(f"{collection}/{slug}/")]
    if mine:
        print(problems.format_report(mine, site.message_language()))
    return 1 if any(p.is_error for p in mine) else 0


if __name__ == "__main__":
    sys.exit(main())
