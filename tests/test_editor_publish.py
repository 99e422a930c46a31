"""The web editor on the published site (README "Web editor"): built into site/edit/ only when its
sign-in endpoint is set, pointed at it, kept out of search engines, the sitemap, the search index
and the buyers' pages; wrong settings stop the build in one line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from miftah.editing import editor
from support import ROOT, run_site


def test_the_backend_comes_from_the_environment() -> None:
    backend = editor.published_backend(
        {"EDITOR_AUTH_URL": " https://auth.example.org/ ", "EDITOR_GITHUB_REPO": "coop-union/catalog"}
    )
    assert backend == editor.Backend("https://auth.example.org", "coop-union/catalog")
    assert editor.published_backend({"EDITOR_AUTH_URL": "https://auth.example.org"}) == editor.Backend(
        "https://auth.example.org", editor.GITHUB_REPO
    )
    assert editor.published_backend({}) is None
    assert editor.published_backend({"EDITOR_AUTH_URL": "  "}) is None


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        (
            {"EDITOR_AUTH_URL": "http://auth.example.org"},
            "EDITOR_AUTH_URL must be an https:// address, not 'http://auth.example.org'",
        ),
        (
            {"EDITOR_AUTH_URL": "auth.example.org"},
            "EDITOR_AUTH_URL must be an https:// address, not 'auth.example.org'",
        ),
        (
            {"EDITOR_AUTH_URL": "https://a.example.org/?x=1"},
            "EDITOR_AUTH_URL must be an https:// address, not 'https://a.example.org/?x=1'",
        ),
        (
            {"EDITOR_AUTH_URL": "https://a.example.org", "EDITOR_GITHUB_REPO": "https://github.com/x/y"},
            "EDITOR_GITHUB_REPO must read owner/name, not 'https://github.com/x/y'",
        ),
    ],
)
def test_wrong_settings_are_one_line(environ: dict[str, str], message: str) -> None:
    with pytest.raises(editor.EditorSetupError) as raised:
        editor.published_backend(environ)
    assert str(raised.value) == message


def test_a_site_built_without_a_sign_in_endpoint_has_no_editor(sample_site: Path) -> None:
    assert not (sample_site / editor.PUBLISHED_DIR).exists()


def test_the_published_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR_AUTH_URL", "https://auth.example.org")
    monkeypatch.setenv("EDITOR_GITHUB_REPO", "coop-union/catalog")
    site = tmp_path / "site"
    result = run_site("build", ROOT, site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Web editor published at edit/ "
        "(sign-in: https://auth.example.org, pull requests to coop-union/catalog)"
    )
    page = (site / "edit" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    addresses = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert addresses and all("//" not in address for address in addresses), addresses
    config = json.loads((site / "edit" / "config.json").read_text(encoding="utf-8"))
    for lang in editor.UI_LANGUAGES:
        backend = config["cms"][lang]["backend"]
        assert backend["base_url"] == "https://auth.example.org"
        assert backend["repo"] == "coop-union/catalog"
        assert backend["open_authoring"] is True
        assert config["cms"][lang]["publish_mode"] == "editorial_workflow"
    assert (site / "edit" / "vendor" / "decap-cms" / "decap-cms.js").is_file()
    assert "/edit/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    buyer_pages = [p for p in site.rglob("*.html") if editor.PUBLISHED_DIR not in p.relative_to(site).parts]
    assert buyer_pages
    assert [p for p in buyer_pages if re.search(r'href="[^"]*\bedit/', p.read_text(encoding="utf-8"))] == []
    entry = (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    indexed = "".join(p.read_text("latin-1") for p in (site / "pagefind").glob("*.pf_meta"))
    assert "edit" not in entry and "/edit/" not in indexed


def test_a_wrong_setting_stops_the_build_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR_AUTH_URL", "http://auth.example.org")
    site = tmp_path / "site"
    result = run_site("build", ROOT, site)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "Build failed: EDITOR_AUTH_URL must be an https:// address, not 'http://auth.example.org'"
    )
    assert not site.exists()
