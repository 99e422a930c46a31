"""Strict loading and validation of records: each rule with a failing case and its exact
message, on copies of the sample records. The passing case is the sample catalog itself."""

from __future__ import annotations

from pathlib import Path

from miftah.catalog.loading import load_catalog
from miftah.catalog.problems import format_problem, format_report
from support import Edit, line_of

SAFFRON = "products/saffron-taliouine/product.yml"
TIFAOUT = "cooperatives/tifaout-argan/cooperative.yml"


def messages(records: Path, lang: str = "en") -> list[str]:
    loaded = load_catalog(records)
    return [format_problem(problem, lang) for problem in loaded.problems]


def test_sample_catalog_has_no_problem(scratch_catalog: Path) -> None:
    loaded = load_catalog(scratch_catalog)
    assert loaded.problems == []
    assert loaded.catalog is not None
    assert len(loaded.catalog.products) == 8
    assert len(loaded.catalog.cooperatives) == 7


def test_missing_chinese_name(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "  zh: 塔利温藏红花（西红花）\n", "")
    line = line_of(scratch_catalog / SAFFRON, "  fr: Safran de Taliouine")  # where the name map now starts
    assert messages(scratch_catalog) == [
        f"✖ {SAFFRON}:{line} › name.zh\n"
        '  The "zh" translation is missing; this field requires it.\n'
        '  Fix: Add "zh: …" under this field.'
    ]


def test_messages_in_french(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "  zh: 塔利温藏红花（西红花）\n", "")
    line = line_of(scratch_catalog / SAFFRON, "  fr: Safran de Taliouine")
    assert messages(scratch_catalog, "fr") == [
        f"✖ {SAFFRON}:{line} › name.zh\n"
        "  La traduction « zh » manque ; elle est obligatoire pour ce champ.\n"
        "  Correction\u00a0: Ajoutez « zh: … » sous ce champ."
    ]


def test_duplicate_key(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "category: spices\n", "category: spices\ncategory: carob\n")
    assert messages(scratch_catalog) == [
        f"✖ {SAFFRON}:4\n"
        '  The field "category" appears twice (already on line 3).\n'
        '  Fix: Keep one "category" and delete the other.'
    ]


def test_yes_no_is_not_a_boolean(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "featured: true", "featured: yes")
    assert messages(scratch_catalog) == [
        f"✖ {SAFFRON}:{line_of(scratch_catalog / SAFFRON, 'featured:')} › featured\n"
        '  "yes" is not a recognised yes/no value.\n'
        "  Fix: Write true or false, without quotes."
    ]


def test_phone_with_leading_zero_is_kept_as_written_and_rejected(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / TIFAOUT, 'phone: "+212600000001"', "phone: 0612345677")
    assert messages(scratch_catalog) == [
        f"✖ {TIFAOUT}:{line_of(scratch_catalog / TIFAOUT, 'phone: 0612345677')} › contacts[1].phone\n"
        '  "0612345677" does not have the expected form.\n'
        "  Fix: Write it like this example: +212600000001"
    ]


def test_unknown_key_suggests_the_near_miss(scratch_catalog: Path, edit: Edit) -> None:
    """The misspelt key is reported once, with the right name, not also as a missing field."""
    edit(scratch_catalog / SAFFRON, "category: spices", "categroy: spices")
    assert messages(scratch_catalog) == [
        f'✖ {SAFFRON}:3 › categroy\n  There is no field "categroy" here.\n  Fix: Did you mean "category"?',
    ]


def test_unknown_category_suggests_the_closest(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "category: spices", "category: spice")
    (message,) = messages(scratch_catalog)
    assert message.startswith(
        f'✖ {SAFFRON}:3 › category\n  "spice" is not a known value (expected one of: edible-oils,'
    )
    assert message.endswith('  Fix: Write "spices".')


def test_unknown_cooperative(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "cooperative: taliouine-saffron", "cooperative: taliouine-safran")
    assert messages(scratch_catalog) == [
        f"✖ {SAFFRON}:2 › cooperative\n"
        '  No cooperative has the id "taliouine-safran".\n'
        '  Fix: Write "taliouine-saffron".'
    ]


def test_anchor_alias_and_tag_are_refused(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "category: spices", "category: &c spices\nfeatured_copy: *c")
    edit(
        scratch_catalog / TIFAOUT,
        "region: marrakech-safi",
        "region: !!python/object:os.system marrakech-safi",
    )
    found = "\n".join(messages(scratch_catalog))
    assert "YAML anchors (&c) are not accepted in records." in found
    assert "YAML aliases (*name) are not accepted in records." in found
    assert "YAML tags (tag:yaml.org,2002:python/object:os.system) are not accepted in records." in found


def test_tab_indentation(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "  fr: Safran de Taliouine", "\tfr: Safran de Taliouine")
    assert messages(scratch_catalog) == [
        f"✖ {SAFFRON}:{line_of(scratch_catalog / SAFFRON, 'fr: Safran de Taliouine')}\n"
        "  This line is indented with a tab; YAML accepts only spaces.\n"
        "  Fix: Replace the tab with spaces (2 per level)."
    ]


def test_latin1_file(scratch_catalog: Path) -> None:
    path = scratch_catalog / SAFFRON
    path.write_bytes("cooperative: taliouine-saffron\nname:\n  fr: Safran déjà\n".encode("latin-1"))
    assert messages(scratch_catalog) == [
        f"✖ {SAFFRON}:3\n"
        "  The text is not encoded as UTF-8 (often: Latin-1 or Windows-1252).\n"
        '  Fix: Save the file as "UTF-8" in your editor, then check the accents on this line.'
    ]


def test_several_documents_and_empty_file(scratch_catalog: Path) -> None:
    (scratch_catalog / SAFFRON).write_text("cooperative: a\n---\ncooperative: b\n", encoding="utf-8")
    (scratch_catalog / TIFAOUT).write_text("# nothing yet\n", encoding="utf-8")
    found = messages(scratch_catalog)
    assert f"✖ {SAFFRON}:3\n  The file holds several YAML documents (separated by ---)." in found[1]
    assert found[0].startswith(f"✖ {TIFAOUT}:1\n  The file is empty.")


def test_photo_outside_the_folder_and_unsafe_name(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "file: main.jpg", "file: ../argan-oil-culinary/main.jpg")
    edit(scratch_catalog / SAFFRON, "file: detail.jpg", "file: Crocus Flowers.JPG")
    found = messages(scratch_catalog)
    assert found[0].endswith(
        '› photos[1].file\n  "../argan-oil-culinary/main.jpg" is not a file in the record\'s folder '
        '(a web address, a path or "..").\n'
        "  Fix: Put the file in the same folder as the record and write only its name."
    )
    assert found[1].endswith(
        '› photos[2].file\n  The name "Crocus Flowers.JPG" contains spaces, capitals or characters '
        'that break web addresses.\n  Fix: Rename the file to "crocus-flowers.jpg" and write that name here.'
    )


def test_two_problems_in_two_files_are_reported_together(scratch_catalog: Path, edit: Edit) -> None:
    edit(scratch_catalog / SAFFRON, "category: spices", "category: spice")
    edit(scratch_catalog / TIFAOUT, "region: marrakech-safi", "region: marrakesh")
    loaded = load_catalog(scratch_catalog)
    assert loaded.catalog is None
    assert [(p.path, p.field) for p in loaded.problems] == [(TIFAOUT, "region"), (SAFFRON, "category")]
    assert format_report(loaded.problems, "en").endswith("2 error(s), 0 warning(s).")


def test_unused_file_is_a_warning(scratch_catalog: Path) -> None:
    (scratch_catalog / "products/saffron-taliouine/old.jpg").write_bytes(b"")
    loaded = load_catalog(scratch_catalog)
    assert loaded.catalog is not None
    assert [format_problem(p, "en") for p in loaded.problems] == [
        "⚠ products/saffron-taliouine/old.jpg\n"
        f"  No record uses this file ({SAFFRON}).\n"
        "  Fix: Refer to it in the record, or delete it."
    ]
