"""The translation report: which fields of which records still lack a language.

It reads the same problems as validation (codes ``translation_missing`` and
``translation_required``), so the report and `make check` can never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from miftah.catalog.loading import Loaded
from miftah.languages import CODES

CODES_OF_GAPS = ("translation_missing", "translation_required")


@dataclass(frozen=True)
class Gap:
    path: str
    field: str  # the translated field, without the language ("description", "photos[1].alt")


def gaps_by_language(loaded: Loaded) -> dict[str, list[Gap]]:
    gaps: dict[str, list[Gap]] = defaultdict(list)
    for problem in loaded.problems:
        if problem.code in CODES_OF_GAPS:
            language = str(problem.params["language"])
            gaps[language].append(Gap(problem.path, problem.field.removesuffix(f".{language}")))
    return {code: sorted(gaps.get(code, []), key=lambda g: (g.path, g.field)) for code in CODES}


def report(loaded: Loaded, markdown: bool) -> str:
    gaps = gaps_by_language(loaded)
    if markdown:
        lines = ["| language | missing fields |", "|---|---|"]
        lines += [f"| `{code}` | {len(found)} |" for code, found in gaps.items()]
        for code, found in gaps.items():
            if found:
                lines += ["", f"**`{code}`**", ""] + [f"- `{g.path}` › `{g.field}`" for g in found]
        return "\n".join(lines)
    lines = []
    for code, found in gaps.items():
        lines.append(f"{code}: {len(found)} missing")
        lines += [f"  {g.path} › {g.field}" for g in found]
    return "\n".join(lines)
