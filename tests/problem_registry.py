"""A pytest plugin: every problem code in hooks/miftah/data/problems.yml is asserted by a test.

Tests assert a problem through its words (``format_problem``, which calls ``describe``) or by
its code; this plugin records the code of every problem a test turns into words, and of every
problem a test hands to ``asserted`` (for tests that compare codes). At the end of a run of the
whole suite (no ``-k``, ``-m`` or test selection), a code that no test asserted fails the run
and is named. Problems only printed by a subprocess do not count: assert them in-process too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

import pytest

from miftah.catalog import problems
from miftah.catalog.problems import Problem

ASSERTED: set[str] = set()
# Codes no test asserts yet (measured on the whole suite): the run fails when one of them is
# asserted and still listed, so this list only shrinks. Each needs a test triggering it.
NOT_YET_ASSERTED = frozenset(
    {
        "complex_key",
        "empty_value",
        "file_unreadable",
        "not_canonical",  # produced by scripts/format.py in a subprocess: not seen here
        "not_one_line",
        "programme_missing",
        "script_not_tifinagh",
        "source_without_address",
        "translation_empty_optional",
    }
)


class HasCode(Protocol):
    @property
    def code(self) -> str: ...


def problem_codes() -> set[str]:
    """The codes of problems (the catalogue's other entries are labels: no 'Fix:' sentence)."""
    return {code for code, entry in problems.catalogue().items() if entry["en"]["fix"]}


def asserted(found: Iterable[HasCode]) -> list[str]:
    """The codes of ``found`` (problems, or image findings), recorded as asserted:
    ``assert asserted(problems) == ["code"]``."""
    codes = [problem.code for problem in found]
    ASSERTED.update(codes)
    return codes


@pytest.fixture(autouse=True)
def _record_described_problems(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    original = problems.describe

    def recording(problem: Problem, lang: str) -> tuple[str, str]:
        ASSERTED.add(problem.code)
        return original(problem, lang)

    monkeypatch.setattr(problems, "describe", recording)
    yield


def _whole_suite(session: pytest.Session) -> bool:
    option = session.config.option
    selected = [
        arg
        for arg in session.config.args
        if arg.rstrip("/") not in ("tests", str(session.config.rootpath / "tests"))
    ]
    return not (
        option.keyword or option.markexpr or selected or getattr(option, "lf", False) or option.deselect
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus != 0 or not _whole_suite(session):
        return
    missing = sorted(problem_codes() - ASSERTED - NOT_YET_ASSERTED)
    listed_but_asserted = sorted(NOT_YET_ASSERTED & ASSERTED)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    for words, codes in (
        ("problem codes no test asserts", missing),
        ("asserted now: remove from problem_registry.NOT_YET_ASSERTED", listed_but_asserted),
    ):
        if codes:
            if reporter is not None:
                reporter.write_line(f"{words} ({len(codes)}): {', '.join(codes)}", red=True)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
