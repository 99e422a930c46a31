"""Start a new record: `python scripts/new_record.py product|cooperative [options]`.

Asks a few questions on a terminal (or reads the answers piped in, one per line, or takes them
as options: --slug, --name-zh, --name-fr, --name-en, --name-ar, --cooperative, --category,
--province, --legal-form), writes a commented skeleton into products/<slug>/ or
cooperatives/<slug>/ and checks it. A question left blank writes nothing for that field: the
check then names every required field still to fill in. Nothing is ever filled in for you.
With --no-input, only the options are used and nothing is asked.
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

from miftah.catalog import problems  # noqa: E402
from miftah.catalog.loading import COOPERATIVES_DIR, PRODUCTS_DIR, RECORD_FILE, load_catalog  # noqa: E402
from miftah.catalog.schema import SLUG_PATTERN  # noqa: E402
from miftah.catalog.taxonomy import vocabulary  # noqa: E402
from miftah.editing.scaffold import skeleton  # noqa: E402
from miftah.languages import CODES  # noqa: E402
from miftah.publishing import site  # noqa: E402
from miftah.translated import SCRIPTS  # noqa: E402

Ask = Callable[[str, str, list[str] | None], str]  # (question, option name, choices) -> answer


class InputEnded(Exception):
    """The piped answers ran out before a question that needs an answer."""


def make_asker(options: dict[str, str | None], interactive: bool) -> Ask:
    """Answers come from the options first, then from the terminal or the piped input."""

    def ask(question: str, option: str, choices: list[str] | None) -> str:
        given = options.get(option.replace("-", "_"))
        if given is not None or not interactive:
            return (given or "").strip()
        hint = f" ({', '.join(choices)})" if choices and len(choices) <= 12 else ""
        while True:
            try:
                answer = input(f"{question}{hint} [--{option}]: ").strip()
            except EOFError:
                raise InputEnded(question) from None
            if not answer or not choices or answer in choices:
                return answer
            print("  → choisissez une valeur de la liste / choose one of the values listed")

    return ask


def product_answers(ask: Ask, records: Path) -> dict[str, Any]:
    cooperatives = sorted(p.name for p in (records / COOPERATIVES_DIR).iterdir() if p.is_dir())
    answers: dict[str, Any] = {
        "cooperative": ask("Coopérative / cooperative", "cooperative", cooperatives),
        "category": ask("Catégorie / category", "category", list(vocabulary("categories"))),
        "status": "draft",  # a new product is published only when someone sets "published"
        # last_verified is left empty: the contributor writes the day the facts were checked
        "name": _names(ask),
        "origin.province": ask("Province d'origine / province of origin", "province", None),
    }
    return _given(answers)


def cooperative_answers(ask: Ask, records: Path) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "name": _names(ask),
        "legal_form": ask("Forme juridique / legal form", "legal-form", list(vocabulary("legal_forms"))),
        "province": ask("Province / province", "province", None),
    }
    return _given(answers)


def _names(ask: Ask) -> dict[str, str]:
    names = {code: ask(f"Nom / name ({code})", f"name-{code}", None) for code in (*CODES, "ar")}
    return {code: name for code, name in names.items() if name}


def _given(answers: dict[str, Any]) -> dict[str, Any]:
    """Only what was answered: a blank answer writes nothing (the check asks for it)."""
    return {path: value for path, value in answers.items() if value}


def ask_slug(ask: Ask, interactive: bool) -> str | None:
    while True:
        slug = ask("Identifiant (nom du dossier) / id (folder name), ex. tifaout-argan", "slug", None)
        if re.fullmatch(SLUG_PATTERN, slug):
            return slug
        print("  → minuscules, chiffres et tirets / lower-case letters, digits and hyphens", file=sys.stderr)
        if not interactive:
            return None


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("record_type", choices=("product", "cooperative"))
    parser.add_argument("--slug", help="folder name, e.g. huile-argan-alimentaire")
    for code in (*CODES, *SCRIPTS[:1]):
        parser.add_argument(f"--name-{code}", help=f"name in {code}")
    parser.add_argument("--cooperative", help="product: the cooperative's folder name")
    parser.add_argument("--category", help="product: category id")
    parser.add_argument("--province", help="province id (hooks/miftah/data/taxonomy/provinces.yml)")
    parser.add_argument("--legal-form", help="cooperative: legal form id")
    parser.add_argument("--no-input", action="store_true", help="ask nothing: use the options only")
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    records = site.records_root(ROOT)
    collection = PRODUCTS_DIR if args.record_type == "product" else COOPERATIVES_DIR
    interactive = not args.no_input
    ask = make_asker(vars(args), interactive)
    try:
        slug = ask_slug(ask, interactive)
        if slug is None:
            return 2
        make_answers = product_answers if args.record_type == "product" else cooperative_answers
        answers = make_answers(ask, records)
    except InputEnded as ended:
        print(
            f"Fin de l'entrée avant la question « {ended} » : rien n'a été écrit. / Input ended before "
            f'the question "{ended}": nothing was written. Give the answers as options (see --help).',
            file=sys.stderr,
        )
        return 2
    folder = records / collection / slug
    if folder.exists():
        print(
            f"{folder.relative_to(records)} existe déjà / exists already: choose another id.", file=sys.stderr
        )
        return 1
    folder.mkdir(parents=True)
    target = folder / RECORD_FILE[collection]
    target.write_text(skeleton(args.record_type, answers), encoding="utf-8")
    print(f"Written: {target.relative_to(records)}")
    mine = [p for p in load_catalog(records).problems if p.path.startswith(f"{collection}/{slug}/")]
    if mine:
        print(problems.format_report(mine, site.message_language()))
    return 0  # a skeleton is meant to be completed: what is left to do is listed above


if __name__ == "__main__":
    sys.exit(main())
