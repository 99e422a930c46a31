"""A pytest plugin: every problem code in hooks/miftah/data/problems.yml is asserted by a test.

Tests assert a problem through its words (``format_problem``, which calls ``describe``) or by
its code; this plugin records the code of every problem a test turns into words, and of every
problem a test hands to ``asserted`` (for tests that compare codes). At the end of a run of the
whole suite (no ``-k``, ``-m`` or test selection), a code that no test asserted fails the run
and is named. Problems only printed by a subprocess do not count: assert them in-process too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from miftah import problems
from miftah.problems import Problem

ASSERTED: set[str] = set()


def problem_codes() -> set[str]:
    """The codes of problems (the catalogue's other entries are labels: no 'Fix:' sentence)."""
    return {code for code, entry in problems.catalogue().items() if entry["en"]["fix"]}


def asserted(found: Iterable[Problem]) -> list[str]:
    """The codes of ``found``, recorded as asserted: ``assert asserted(p) == ["code"]``."""
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
    missing = sorted(problem_codes() - ASSERTED)
    if missing:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                f"problem codes no test asserts ({len(missing)}): {', '.join(missing)}", red=True
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
