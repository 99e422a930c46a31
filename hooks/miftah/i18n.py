"""Interface strings: one YAML file per language in ``data/strings/``, one lookup with fallback.

Lookups follow one fixed order: the page's language, then the default language. A key missing
everywhere is a programming error (a test keeps the three files in step), so it raises.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from miftah.languages import CODES, DEFAULT_CODE

_FOLDER = Path(__file__).parent / "data" / "strings"


@functools.cache
def strings(lang: str) -> dict[str, Any]:
    """Every interface string of one language, as written in its file."""
    with open(_FOLDER / f"{lang}.yml", encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def t(lang: str, key: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (or the default language), with ``{values}`` filled in."""
    for code in (lang, DEFAULT_CODE):
        text = strings(code).get(key)
        if isinstance(text, str):
            return text.format(**values) if values else text
    raise KeyError(f"no interface string {key!r} in {lang} or {DEFAULT_CODE}")


def language_name(lang: str, of: str) -> str:
    """The name of language ``of`` written in language ``lang`` (e.g. 法语 for fr in zh)."""
    names: dict[str, str] = strings(lang)["language_names"]
    return names[of]


def all_keys() -> dict[str, set[str]]:
    return {code: set(strings(code)) for code in CODES}
