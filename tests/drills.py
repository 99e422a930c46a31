"""The fault drills' tally: each drill reports how often it ran and what was lost, and the
session prints the table at the end (``conftest.pytest_terminal_summary``), so a CI log shows
the drills ran, not only that nothing failed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Drill:
    name: str
    iterations: int
    lost: int  # objects, files or moments without a complete site: any number above 0 fails


TALLY: list[Drill] = []


def report(name: str, iterations: int, lost: int) -> None:
    """Record one drill's result, then fail it when anything was lost."""
    TALLY.append(Drill(name, iterations, lost))
    assert lost == 0, f"{name}: data lost {lost}"


def summary_lines() -> list[str]:
    if not TALLY:
        return []
    lines = [f"{drill.name}: {drill.iterations} iterations, data lost: {drill.lost}" for drill in TALLY]
    total = sum(drill.iterations for drill in TALLY)
    lost = sum(drill.lost for drill in TALLY)
    lines.append(f"fault drills: {len(TALLY)} drills, {total} iterations, data lost: {lost}")
    return lines
