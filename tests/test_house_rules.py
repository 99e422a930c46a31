"""Rules of the code base that a reviewer would otherwise have to remember: the domain package
stays free of MkDocs (moving to a successor is an adapter change), and no program waits forever
on another one (every subprocess call has a timeout)."""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

WAITING_CALLS = {"run", "check_output", "call", "check_call"}


def _python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


def _calls_without_timeout(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(root)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WAITING_CALLS
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "subprocess"
        and not any(keyword.arg == "timeout" for keyword in node.keywords)
    ]


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_every_subprocess_call_has_a_timeout() -> None:
    missing = [
        call
        for path in _python_files("hooks", "scripts", "benchmarks", "tools", "tests")
        for call in _calls_without_timeout(path)
    ]
    assert missing == []


def test_the_scan_finds_a_call_without_timeout(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import subprocess\nsubprocess.run(['true'], check=True)\nsubprocess.run(['true'], timeout=5)\n"
    )
    assert _calls_without_timeout(sample, tmp_path) == ["sample.py:2"]


def test_the_domain_package_never_imports_mkdocs() -> None:
    importing = [
        str(path.relative_to(ROOT))
        for path in _python_files("hooks/miftah")
        if _imported_modules(path) & {"mkdocs", "material", "mkdocs_static_i18n"}
    ]
    assert importing == []
