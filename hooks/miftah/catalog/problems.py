"""Problems found in records, and how they are told to a person.

A problem is data (file, line, field path, a code and its values); its words come from
``data/problems.yml``, which holds every message in French and English side by side, so a
message cannot exist in one language only. Validation collects problems and never raises.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

import yaml

from miftah import DATA_DIR

MESSAGE_LANGUAGES = ("fr", "en")  # contributors write French (or Arabic); maintainers English
_CATALOGUE = DATA_DIR / "problems.yml"


@dataclass(frozen=True)
class Problem:
    path: str  # as shown to the contributor: relative to the repository root
    line: int | None
    field: str  # dotted path inside the record, e.g. "name.zh" or "photos[1].file"
    code: str  # key in data/problems.yml
    params: dict[str, object] = dataclasses.field(default_factory=dict)
    level: str = "error"  # "error" blocks the build; "warning" fails only --strict runs;
    # "notice" tells the contributor something worth knowing and never fails (e.g. no photo yet)

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    @property
    def fails_strict(self) -> bool:
        return self.level in ("error", "warning")


@functools.cache
def catalogue() -> dict[str, dict[str, dict[str, str]]]:
    """Every message, by code then language (read once per process)."""
    with open(_CATALOGUE, encoding="utf-8") as handle:
        loaded: dict[str, dict[str, dict[str, str]]] = yaml.safe_load(handle)
    return loaded


def describe(problem: Problem, lang: str) -> tuple[str, str]:
    """The 'what is wrong' and 'Fix:' sentences of a problem, in French or English."""
    entry = catalogue()[problem.code][lang]
    params = {"field": problem.field, **problem.params}
    return entry["what"].format(**params), entry["fix"].format(**params)


def location(problem: Problem) -> str:
    where = problem.path if problem.line is None else f"{problem.path}:{problem.line}"
    return f"{where} › {problem.field}" if problem.field else where


def format_problem(problem: Problem, lang: str) -> str:
    what, fix = describe(problem, lang)
    mark = {"error": "✖", "warning": "⚠"}.get(problem.level, "ℹ")
    fix_label = catalogue()["fix_label"][lang]["what"]
    return f"{mark} {location(problem)}\n  {what}\n  {fix_label}{colon(lang)} {fix}"


def colon(lang: str) -> str:
    """French sets a (non-breaking) space before a colon; English does not."""
    return "\u00a0:" if lang == "fr" else ":"


def format_report(problems: list[Problem], lang: str) -> str:
    """Every problem, then one summary line: the text `make check` and the build print."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field, p.code))
    blocks = [format_problem(problem, lang) for problem in ordered]
    errors = sum(problem.is_error for problem in problems)
    warnings = sum(problem.level == "warning" for problem in problems)
    blocks.append(summary_line(errors, warnings, len(problems) - errors - warnings, lang))
    return "\n\n".join(blocks)


def summary_line(errors: int, warnings: int, notices: int, lang: str) -> str:
    entry = catalogue()["summary" if not notices else "summary_notices"][lang]
    return entry["what"].format(errors=errors, warnings=warnings, notices=notices)
