"""The MkDocs adapter (hooks/mkdocs_catalog.py) is the only place that knows MkDocs' source paths:
the domain gives each page its address, the adapter names the file MkDocs reads it from."""

from __future__ import annotations

import mkdocs_catalog
import yaml

from support import ROOT


def test_each_address_has_the_source_path_mkdocs_reads() -> None:
    assert [
        mkdocs_catalog.source_path(url)
        for url in (
            "",
            "products/",
            "cooperatives/",
            "search/",
            "products/argan-oil-culinary/",
            "regions/souss-massa/page/2/",
        )
    ] == [
        "index.md",
        "products/index.md",
        "cooperatives/index.md",
        "search.md",
        "products/argan-oil-culinary.md",
        "regions/souss-massa/page/2.md",
    ]


def test_the_section_roots_are_the_ones_the_nav_names() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    nav = [entry for entry in config["nav"] if entry.endswith("/index.md")]
    assert sorted(nav) == sorted(f"{root}index.md" for root in mkdocs_catalog.SECTION_ROOTS)
