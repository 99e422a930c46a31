"""Contributor Markdown: the small subset renders, anything live is neutralised."""

from __future__ import annotations

import pytest

from miftah.views.richtext import render


def test_subset_renders() -> None:
    assert render("Huile *pure*, **pressée à froid**.\n\n- 250 ml\n- 1 L\n\n[Site](https://example.org)") == (
        "<p>Huile <em>pure</em>, <strong>pressée à froid</strong>.</p>\n"
        "<ul>\n<li>250 ml</li>\n<li>1 L</li>\n</ul>\n"
        '<p><a href="https://example.org" rel="nofollow noopener">Site</a></p>'
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ('<img src=x onerror="alert(1)">', '<p>&lt;img src=x onerror="alert(1)"&gt;</p>'),
        ("[x](javascript:alert(1))", '<p><a rel="nofollow noopener">x</a></p>'),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", '<p><a rel="nofollow noopener">x</a></p>'),
        ('Texte\n{: onclick="alert(1)" }', '<p>Texte\n{: onclick="alert(1)" }</p>'),
        ("# Titre", "<p># Titre</p>"),  # headings would break the page's outline: kept as text
        ("<div onmouseover=x>hi</div>", "<p>&lt;div onmouseover=x&gt;hi&lt;/div&gt;</p>"),
    ],
    ids=["script", "img-onerror", "javascript-link", "data-link", "attr-list", "heading", "div-handler"],
)
def test_nothing_live_gets_through(source: str, expected: str) -> None:
    assert render(source) == expected


def test_mailto_links_are_kept() -> None:
    assert render("[écrire](mailto:coop@example.org)") == (
        '<p><a href="mailto:coop@example.org" rel="nofollow noopener">écrire</a></p>'
    )
