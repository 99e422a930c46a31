"""Reading built pages in tests: every element with its attributes, via the standard parser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: dict[str, str]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(path: Path) -> list[Element]:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.elements


def text(path: Path) -> str:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return " ".join("".join(collector.text).split())


def find(path: Path, tag: str, **wanted: str) -> list[Element]:
    return [
        element
        for element in elements(path)
        if element.tag == tag and all(element.attrs.get(name) == value for name, value in wanted.items())
    ]


def section(page: Path, css_class: str) -> str:
    """The text of the first element with that class (up to its closing tag of the same name)."""
    html = page.read_text(encoding="utf-8")
    match = re.search(rf'<(\w+) class="[^"]*\b{css_class}\b[^"]*"[^>]*>(.*?)</\1>', html, re.S)
    assert match, css_class
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(2)).split())


def fact_rows(page: Path, css_class: str) -> dict[str, str]:
    """The label → value rows of the first fact list (<dl>) at or after that class."""
    source = page.read_text(encoding="utf-8")
    start = source.index(css_class)
    block = source[start : source.index("</dl>", start)]
    pairs = re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", block, re.S)
    return {
        unescape(label): unescape(" ".join(re.sub(r"<[^>]+>", " ", value).split())) for label, value in pairs
    }
