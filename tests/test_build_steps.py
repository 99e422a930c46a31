"""The build's steps: a build replaces an existing site whole; the preview path
(``build.build_languages``) rebuilds only the languages asked for, and leaves everything as it
was when a record has an error."""

from __future__ import annotations

from pathlib import Path

from miftah.catalog.loading import Loaded
from miftah.languages import CODES
from miftah.publishing import build
from problem_registry import asserted
from support import Edit, run_site


def test_a_build_replaces_an_existing_site_whole(scratch_catalog: Path, tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "stale.html").write_text("from an older build", encoding="utf-8")
    (site_dir / "en").mkdir()
    (site_dir / "en" / "removed-product.html").write_text("gone", encoding="utf-8")
    result = run_site("build", scratch_catalog, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site_dir / "stale.html").exists() and not (site_dir / "en" / "removed-product.html").exists()
    assert all((site_dir / code / "index.html").is_file() for code in CODES)
    assert (site_dir / "sitemap.xml").is_file() and (site_dir / "index.html").is_file()
    # no leftovers (the lock file stays beside site/ on purpose: `make clean` removes it)
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site.lock", "records", "site"]


def fake_site(target: Path) -> None:
    for code in CODES:
        (target / code).mkdir(parents=True)
        (target / code / "index.html").write_text("old", encoding="utf-8")
    (target / "index.html").write_text("root", encoding="utf-8")


def render(code: str, out_dir: Path, site_url: str) -> None:
    out_dir.mkdir(parents=True)
    (out_dir / "index.html").write_text(f"new {code} {site_url}", encoding="utf-8")


def test_preview_rebuilds_only_the_languages_asked_for(scratch_catalog: Path, tmp_path: Path) -> None:
    target = tmp_path / "preview"
    fake_site(target)
    result = build.build_languages(scratch_catalog, target, "http://127.0.0.1:8000/", render, ["fr"])
    assert isinstance(result, build.Timings)
    pages = {code: (target / code / "index.html").read_text(encoding="utf-8") for code in CODES}
    assert pages == {"zh": "old", "fr": "new fr http://127.0.0.1:8000/fr/", "en": "old"}
    assert (target / "index.html").read_text(encoding="utf-8") == "root"
    assert any((target / "media").iterdir())  # the photos the rebuilt pages show
    assert sorted(path.name for path in target.iterdir()) == ["en", "fr", "index.html", "media", "zh"]


def test_preview_with_a_broken_record_changes_nothing(
    scratch_catalog: Path, tmp_path: Path, edit: Edit
) -> None:
    edit(
        scratch_catalog / "products/argan-oil-culinary/product.yml", "category: edible-oils", "category: oils"
    )
    target = tmp_path / "preview"
    fake_site(target)
    result = build.build_languages(scratch_catalog, target, "http://127.0.0.1:8000/", render, ["fr", "en"])
    assert isinstance(result, Loaded)
    assert "unknown_term" in asserted(result.errors) or "unknown_term_close" in asserted(result.errors)
    assert {
        code: (target / code / "index.html").read_text(encoding="utf-8") for code in CODES
    } == dict.fromkeys(CODES, "old")
