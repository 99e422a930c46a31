"""Problems as GitHub Actions workflow commands (``::error file=…,line=…,title=…::message``).

A pull request's check job prints these; GitHub then shows each problem on the file and line it
names, in the diff of the pull request, in French and English one under the other. Escaping
follows the runner's rules (actions/toolkit, ``command.ts``): in the message ``%``, CR and LF
are percent-encoded; in a property ``:`` and ``,`` are too, since they separate properties.
"""

from __future__ import annotations

from miftah.catalog.problems import MESSAGE_LANGUAGES, Problem, catalogue, colon, describe, summary_line


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def message(problem: Problem) -> str:
    """What is wrong and the fix, in each message language (French first), one per line."""
    lines = []
    for lang in MESSAGE_LANGUAGES:
        what, fix = describe(problem, lang)
        label = catalogue()["fix_label"][lang]["what"]
        lines.append(f"[{lang}] {what} {label}{colon(lang)} {fix}")
    return "\n".join(lines)


def annotation(problem: Problem) -> str:
    """One workflow command: ``::error``, ``::warning`` or ``::notice``, as the problem's level."""
    command = problem.level  # error, warning or notice: GitHub's three annotation levels
    properties = [f"file={escape_property(problem.path)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
    title = f"{problem.field} — {problem.code}" if problem.field else problem.code
    properties.append(f"title={escape_property(title)}")
    return f"::{command} {','.join(properties)}::{escape_data(message(problem))}"


def report(problems: list[Problem]) -> str:
    """Every problem as a workflow command, then the summary in both languages (plain lines)."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field, p.code))
    errors = sum(problem.is_error for problem in problems)
    warnings = sum(problem.level == "warning" for problem in problems)
    notices = len(problems) - errors - warnings
    summaries = [summary_line(errors, warnings, notices, lang) for lang in MESSAGE_LANGUAGES]
    return "\n".join([*(annotation(problem) for problem in ordered), *summaries])
