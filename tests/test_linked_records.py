"""Record folders and record files that are symbolic links are never followed: a link to a
folder outside the repository would be published, a link to another product would make a
silent duplicate, and a linked record file outside the repository would be read and its
values echoed in the log. Each is an error naming the link, and nothing behind it is read."""

from __future__ import annotations

from pathlib import Path

from miftah.catalog.loading import load_catalog
from miftah.catalog.problems import format_problem
from support import make_photo, run_check, run_site

SECRET = "secret-value-from-outside"


def messages(records: Path, lang: str = "en") -> list[str]:
    return [format_problem(problem, lang) for problem in load_catalog(records).problems]


def outside_product(tmp_path: Path, source: Path) -> Path:
    """A product folder outside the records: a copy of a real one, with a value to leak."""
    outside = tmp_path / "outside" / "leaked"
    outside.mkdir(parents=True)
    text = (source / "product.yml").read_text(encoding="utf-8")
    (outside / "product.yml").write_text(text.replace("Culinary argan oil", SECRET), encoding="utf-8")
    for name in ("main.jpg", "detail.jpg"):
        make_photo(outside / name)
    return outside


def test_linked_record_folder_outside_the_repository_is_refused_and_not_published(
    scratch_catalog: Path, tmp_path: Path
) -> None:
    outside = outside_product(tmp_path, scratch_catalog / "products/argan-oil-culinary")
    (scratch_catalog / "products/leaked").symlink_to(outside, target_is_directory=True)
    assert messages(scratch_catalog) == [
        "✖ products/leaked/product.yml\n"
        '  The folder "leaked" is a symbolic link: the catalog reads only real folders of the repository.\n'
        "  Fix: Replace the link with a real folder holding the record and its photos, or delete it."
    ]
    assert messages(scratch_catalog, "fr") == [
        "✖ products/leaked/product.yml\n"
        "  Le dossier « leaked » est un lien symbolique : le catalogue ne lit que les vrais dossiers "
        "du dépôt.\n"
        "  Correction\u00a0: Remplacez le lien par un vrai dossier qui contient la fiche et ses photos, "
        "ou supprimez-le."
    ]
    result = run_site("build", scratch_catalog, tmp_path / "site")
    assert result.returncode == 1
    assert not (tmp_path / "site").exists()
    assert SECRET not in result.stdout + result.stderr


def test_linked_folder_to_another_product_is_not_a_silent_duplicate(scratch_catalog: Path) -> None:
    (scratch_catalog / "products/argan-oil-copy").symlink_to(
        scratch_catalog / "products/argan-oil-culinary", target_is_directory=True
    )
    loaded = load_catalog(scratch_catalog)
    assert [(problem.path, problem.code) for problem in loaded.problems] == [
        ("products/argan-oil-copy/product.yml", "record_folder_is_link")
    ]
    assert loaded.catalog is None


def test_linked_record_file_outside_the_repository_is_not_read(scratch_catalog: Path, tmp_path: Path) -> None:
    outside = outside_product(tmp_path, scratch_catalog / "products/argan-oil-culinary")
    record = scratch_catalog / "products/argan-oil-culinary/product.yml"
    record.unlink()
    record.symlink_to(outside / "product.yml")
    assert messages(scratch_catalog) == [
        "✖ products/argan-oil-culinary/product.yml\n"
        '  The record file "product.yml" is a symbolic link: it was not read.\n'
        "  Fix: Replace the link with a copy of the file."
    ]
    (outside / "product.yml").write_text(f"name: [{SECRET}\n", encoding="utf-8")  # broken on purpose
    result = run_check(scratch_catalog)
    assert result.returncode == 1
    assert SECRET not in result.stdout + result.stderr


def test_linked_programme_folder_is_refused(scratch_catalog: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere"
    (scratch_catalog / "programme").rename(moved)
    (scratch_catalog / "programme").symlink_to(moved, target_is_directory=True)
    assert messages(scratch_catalog) == [
        "✖ programme/programme.yml\n"
        '  The folder "programme" is a symbolic link: the catalog reads only real folders of the '
        "repository.\n"
        "  Fix: Replace the link with a real folder holding the record and its photos, or delete it."
    ]
