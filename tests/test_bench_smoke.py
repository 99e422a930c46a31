"""Smoke run of the benchmark (``benchmarks/bench.py``) on a 5-product reference catalog.

The benchmark itself is not part of ``make test`` (``make bench`` runs it at 300 products); this
only checks that the harness runs end to end and reports every figure with its budget: small
photos, one run per figure, no photo pipeline figures, no scale run, no Lighthouse. The buyer
side runs when Debian's Chromium is there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from miftah.catalog.loading import load_catalog

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")


def test_bench_smoke_run_reports_every_budget(tmp_path: Path) -> None:
    results = tmp_path / "bench-results.json"
    command = [
        sys.executable,
        str(ROOT / "benchmarks" / "bench.py"),
        "--products=5",
        "--runs=1",
        "--quick",
        "--scale=",
        "--no-lighthouse",
        f"--workdir={tmp_path / 'work'}",
        f"--results={results}",
        "--port=0",
    ]
    if not CHROMIUM.is_file():
        assert os.environ.get("CI") != "true", (
            "CI=true: Debian's Chromium is required (apt-get install chromium)"
        )
        command.append("--no-browser")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False, env=env)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads(results.read_text())
    figures = report["results"]
    assert figures["catalog"]["products"] == 5
    # the reported count is the number of problems the check finds in the generated catalog
    loaded = load_catalog(tmp_path / "work" / "5")
    assert loaded.catalog is not None
    assert figures["catalog"]["warnings"] == len(loaded.problems)
    assert set(figures["cold"]["split"]) == {"total", "validation", "photos", "pages", "search"}
    assert figures["edit"]["photos_re_encoded"] == 0
    assert figures["preview"]["rebuild_s"]["runs"] == 1
    expected = {"warm_over_bare", "edit_photos_re_encoded", "preview_over_bare_one_language", "peak_rss_mb"}
    if CHROMIUM.is_file():
        expected |= {
            "product_page_kb",
            "product_page_requests",
            "search_first_result_kb",
            "drill_fcp_over_normal",
        }
    assert expected <= set(report["budgets"])
    for name, figure in report["budgets"].items():
        assert set(figure) == {"value", "budget", "pass"}, name
        assert isinstance(figure["pass"], bool), name
    assert "budgets met" in run.stdout
