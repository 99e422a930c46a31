"""Material's stylesheets cut to the rules a language's pages can use.

Material ships one stylesheet for every feature it has (search, tabs, admonitions, code, …):
137 KB, 23 KB compressed, on the path of every first page a buyer opens. 23 KB take two round
trips of a new connection where 14 KB fit in one, and a round trip is 150 ms or more on a phone
in China. The site uses a small part of it and runs none of Material's JavaScript (only its own
scripts, which are read too), so a rule can only apply where a page or a script names its
classes and ids. Like PurgeCSS, this is a test of names, not a full selector match, and every
doubt keeps the rule (one kept by mistake costs bytes; one dropped by mistake costs the layout):
- a selector stays when every class and id it requires is named somewhere; names inside
  ``:not()``, ``:is()``, ``:where()`` and ``:has()`` are not required; tag, attribute and
  universal selectors always stay;
- ``@media`` and ``@supports`` keep the rules that stay inside them; every other at-rule
  (``@keyframes``, ``@font-face``, ``@page``, ``@charset``) is kept whole.
The browser test ``tests/e2e/test_pruned_styles.py`` compares every kind of page, with its
states, pixel by pixel against Material's whole stylesheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import tinycss2
from tinycss2.ast import FunctionBlock, HashToken, IdentToken, LiteralToken, Node

_OPTIONAL_INSIDE = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any"}
_NESTED_RULES = {"media", "supports"}
_ATTRIBUTE_NAMES = re.compile(rb"""\s(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
_WORDS = re.compile(r"[A-Za-z0-9_-]+")


def names_in_pages(pages: Iterable[bytes]) -> set[str]:
    """The classes and ids the pages' elements carry (a few hundred distinct attribute values
    over thousands of pages: they are split once, at the end)."""
    values: set[tuple[bytes, ...]] = set()
    for html in pages:
        values.update(_ATTRIBUTE_NAMES.findall(html))
    texts = (value.decode("utf-8", "replace") for groups in values for value in groups)
    return {name for text in texts for name in text.split()}


def names_in_script(text: str) -> set[str]:
    """Every word of a script: a class it sets may be written in any way (``"ms-" + kind``)."""
    return set(_WORDS.findall(text))


def prune(css: str, used: set[str]) -> str:
    """``css`` without the rules whose selectors all require a class or id outside ``used``."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_pruned_rules(rules, used))


def _pruned_rules(rules: Iterable[Node], used: set[str]) -> Iterable[str]:
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(rule.prelude) if _required(s) <= used]
            if selectors:
                kept = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                yield f"{kept}{{{tinycss2.serialize(rule.content)}}}"
        elif rule.type == "at-rule" and rule.lower_at_keyword in _NESTED_RULES and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            kept = "".join(_pruned_rules(inner, used))
            if kept:
                yield f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{kept}}}"
        elif rule.type == "at-rule":
            yield rule.serialize()
        # parse errors (a stray token Material never ships) are dropped, as a browser does


def _selectors(prelude: list[Node]) -> list[list[Node]]:
    """A selector list split at its top-level commas."""
    selectors: list[list[Node]] = [[]]
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [selector for selector in selectors if any(t.type != "whitespace" for t in selector)]


def _required(selector: list[Node]) -> set[str]:
    """The classes and ids an element must carry for ``selector`` to match anything."""
    required: set[str] = set()
    for before, token in zip([None, *selector], selector, strict=False):
        is_class = isinstance(token, IdentToken) and isinstance(before, LiteralToken) and before.value == "."
        if is_class or (isinstance(token, HashToken) and token.is_identifier):
            required.add(token.value)
        elif isinstance(token, FunctionBlock) and token.lower_name not in _OPTIONAL_INSIDE:
            required |= _required(token.arguments)
    return required
