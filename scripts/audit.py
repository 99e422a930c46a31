"""Known vulnerabilities in the locked dependencies: `python scripts/audit.py` (`make audit`).

Runs pip-audit on requirements.lock (hashes required, no install). Exit status 1 when a locked
package has a known vulnerability. When the vulnerability data cannot be reached — pip-audit
fails to connect, or could not look up a single package (a mirror without PyPI's JSON API
answers "not found" for everything, which pip-audit would report as "no known
vulnerabilities"), or does not answer within ``--total-timeout`` — it says so in one line and
exits 2: an unreachable data source is not a pass.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
UNREACHABLE = 2  # exit status when the vulnerability data could not be reached (1: vulnerable)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lock", type=Path, default=LOCK)
    parser.add_argument("--timeout", type=int, default=30, help="seconds per request")
    parser.add_argument("--total-timeout", type=int, default=900, help="seconds for the whole audit")
    args = parser.parse_args()
    command = [
        *(sys.executable, "-m", "pip_audit"),
        *("--requirement", str(args.lock), "--require-hashes", "--disable-pip"),
        *("--format", "json", "--progress-spinner", "off", "--timeout", str(args.timeout)),
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, check=False, timeout=args.total_timeout
        )
    except subprocess.TimeoutExpired:
        print(f"pip-audit NOT RUN: no answer within {args.total_timeout} s (vulnerability data unreachable)")
        return UNREACHABLE
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        reason = (result.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"pip-audit NOT RUN: the vulnerability data could not be reached ({reason})")
        return UNREACHABLE
    dependencies = report.get("dependencies", [])
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    skipped = [dep for dep in dependencies if dep.get("skip_reason")]
    if vulnerable:
        for dep in vulnerable:
            for vuln in dep["vulns"]:
                fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
                print(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in: {fixed})")
        print(f"pip-audit FAILED: {len(vulnerable)} locked package(s) with known vulnerabilities")
        return 1
    if dependencies and len(skipped) == len(dependencies):
        print(
            f"pip-audit NOT RUN: none of the {len(dependencies)} locked packages could be looked up "
            f"(vulnerability data unreachable: {skipped[0]['skip_reason']})"
        )
        return UNREACHABLE
    for dep in skipped:
        print(f"not audited: {dep['skip_reason']}")
    print(f"pip-audit: no known vulnerabilities in {len(dependencies) - len(skipped)} locked packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
