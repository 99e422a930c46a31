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


# The domain package's groups in the order a record travels: a group may import the groups before
# it (and the shared modules at the top of the package), never one after it. ``ci`` and
# ``editing`` stand beside the line and use the catalog; the build publishes the editor.
GROUP_ORDER = ("media", "catalog", "views", "editing", "publishing", "ci")


def _group_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in GROUP_ORDER else ""


def _backward_imports(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        module = "miftah." + ".".join(path.relative_to(package).with_suffix("").parts)
        group = _group_of(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("miftah.")):
                continue
            target = _group_of(node.module)
            if target and (not group or GROUP_ORDER.index(target) > GROUP_ORDER.index(group)):
                found.append(f"{module} imports {node.module}")
    return found


def test_the_package_groups_import_only_the_groups_before_them() -> None:
    assert _backward_imports(ROOT / "hooks" / "miftah") == []


def test_the_group_check_sees_a_backward_import(tmp_path: Path) -> None:
    (tmp_path / "catalog").mkdir()
    (tmp_path / "catalog" / "rules.py").write_text(
        "from miftah.views.pages import x\nfrom miftah.media import images\n"
    )
    (tmp_path / "clock.py").write_text("from miftah.catalog import kinds\n")
    assert _backward_imports(tmp_path) == [
        "miftah.catalog.rules imports miftah.views.pages",
        "miftah.clock imports miftah.catalog",
    ]
