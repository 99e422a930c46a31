"""Contributor Markdown → safe HTML.

Descriptions and stories accept a small Markdown subset: paragraphs, emphasis, lists, links.
Raw HTML is not parsed as HTML (it shows as text), nor are headings; no extension such as
``attr_list`` applies
(it would let ``{: onclick=…}`` through), and the result goes through an allow-list sanitiser
(nh3) that keeps only those elements and only http(s) and mailto links.
"""

from __future__ import annotations

import functools

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = frozenset({"p", "em", "strong", "ul", "ol", "li", "a", "br"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


@functools.cache  # one per process (a new one costs more than the conversion); reset per text
def _markdown_without_html() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=[], output_format="html")
    # Raw HTML blocks and inline tags would be passed through; drop those processors so that
    # "<script>" is treated as text and escaped.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    # Headings would break the page's outline (the page owns h1/h2): "# Title" stays text.
    for heading in ("hashheader", "setextheader"):
        converter.parser.blockprocessors.deregister(heading)
    return converter


def render(text: str) -> Markup:
    """Safe HTML for a contributor's Markdown text, ready to print in a template."""
    html = _markdown_without_html().reset().convert(text)
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="nofollow noopener",
    )
    return Markup(clean)  # sanitised by nh3 just above
