"""scripts/audit.py: a vulnerable lock fails (1); vulnerability data that cannot be reached is
no pass (2, saying so); only a lock looked up in full with no known vulnerability passes (0).
pip-audit itself is replaced by its recorded answers."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from support import ROOT


def load_audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_script", ROOT / "scripts" / "audit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def answer(stdout: str = "", stderr: str = "", timeout: bool = False) -> Any:
    def fake_run(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        assert options["timeout"] > 0  # never an unbounded wait
        if timeout:
            raise subprocess.TimeoutExpired(command, options["timeout"])
        return subprocess.CompletedProcess(command, 0, stdout, stderr)

    return fake_run


def report(*dependencies: dict[str, Any]) -> str:
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


OK = {"name": "mkdocs", "version": "1.6.1", "vulns": []}
SKIPPED = {"name": "mkdocs", "version": "1.6.1", "skip_reason": "Dependency not found on PyPI"}
VULNERABLE = {"name": "pillow", "version": "1.0", "vulns": [{"id": "PYSEC-1", "fix_versions": ["2.0"]}]}
CASES = {
    "clean": (answer(report(OK)), 0, "pip-audit: no known vulnerabilities in 1 locked packages"),
    "vulnerable": (answer(report(OK, VULNERABLE)), 1, "pip-audit FAILED: 1 locked package(s)"),
    "offline": (answer(stderr="ConnectionError: no route"), 2, "pip-audit NOT RUN: the vulnerability data"),
    "nothing looked up": (answer(report(SKIPPED)), 2, "pip-audit NOT RUN: none of the 1 locked packages"),
    "no answer": (answer(timeout=True), 2, "pip-audit NOT RUN: no answer within 900 s"),
}


@pytest.mark.parametrize("case", CASES)
def test_audit_exit_status(
    case: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake, status, said = CASES[case]
    audit = load_audit()
    monkeypatch.setattr(audit.subprocess, "run", fake)
    monkeypatch.setattr(sys, "argv", ["audit.py"])
    assert audit.main() == status
    assert said in capsys.readouterr().out
