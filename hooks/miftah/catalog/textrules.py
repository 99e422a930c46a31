"""The rules every written text obeys, whatever field it is in: the one place they live.

Length, line breaks, invisible and control characters, the script a language is written in,
and placeholder words ("to be completed") that must never reach a buyer's page. Kinds call
``text_problem`` and ``script_problem`` for each text; rules call ``placeholder_in``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from pypinyin import lazy_pinyin

_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")  # control, format (zero-width, bidi), separators

# What skeletons, editors and hurried contributors leave in a text instead of the text.
PLACEHOLDERS = (
    "待补充",
    "待填写",
    "待定",
    "à compléter",
    "a completer",
    "a compléter",
    "à remplir",
    "to be completed",
    "to be filled",
    "todo",
    "tbd",
    "lorem ipsum",
    "xxx",
)
_PLACEHOLDER = re.compile(
    "|".join(
        rf"(?<![\w]){re.escape(word)}(?![\w])" if word.isascii() else re.escape(word) for word in PLACEHOLDERS
    ),
    re.IGNORECASE,
)
_FOLDED_PLACEHOLDERS = tuple(word.casefold() for word in PLACEHOLDERS)


def placeholder_in(text: str) -> str | None:
    """The placeholder word a text contains, or None."""
    folded = text.casefold()  # a plain substring test first: the pattern is slow on long texts
    if not any(word in folded for word in _FOLDED_PLACEHOLDERS):
        return None
    match = _PLACEHOLDER.search(text)
    return match.group(0) if match else None


def has_invisible(text: str) -> bool:
    # Each distinct character once: looking every character of every text up in Unicode's
    # tables was most of validation's time (1.3 M characters at 300 products).
    return any(_invisible(char) for char in set(text))


@functools.cache
def _invisible(char: str) -> bool:
    return char not in "\n\t" and unicodedata.category(char) in _INVISIBLE_CATEGORIES


def text_problem(value: str, max_chars: int, one_line: bool) -> tuple[str, dict[str, Any]] | None:
    """The rules every written text obeys, whatever its field: the one place they live.

    Returns the first problem as (code, params), or None when the text is fine.
    """
    if one_line and "\n" in value:
        return "not_one_line", {}
    if has_invisible(value.replace("\n", "")):
        return "invisible_character", {"value": shown(value)}
    if len(value) > max_chars:
        return "too_long", {"limit": max_chars, "length": len(value)}
    return None


def shown(value: str, limit: int = 60) -> str:
    """A value as echoed in a message: invisible characters made visible, long ones cut."""
    escaped = "".join(
        char
        if char == "\n" or unicodedata.category(char) not in _INVISIBLE_CATEGORIES
        else f"\\u{ord(char):04x}"
        for char in value
    )
    return escaped if len(escaped) <= limit else escaped[: limit - 1] + "…"


def ascii_id(text: str, fallback: str) -> str:
    """An id (lower-case letters, digits, hyphens) to suggest for a name written otherwise:
    accents dropped (crème → creme), Chinese in pinyin (阿甘油 → a-gan-you); ``fallback`` when
    nothing is left."""
    spelled = "-".join(lazy_pinyin(text, errors=lambda chars: chars))  # non-Chinese kept whole
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", spelled) if not unicodedata.combining(char)
    )
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or fallback


# Which writing system each text language must use (a zh text with no Chinese character is
# almost always French or English pasted into the wrong line).
_SCRIPT_RANGES = {
    "cjk": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F)),
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF)),
    "tifinagh": ((0x2D30, 0x2D7F),),
}
# One character class per script: every text of every record is checked (42 M characters
# looked at one by one at 3,000 products took most of the validation time).
_SCRIPT_PATTERNS = {
    script: re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges) + "]")
    for script, ranges in _SCRIPT_RANGES.items()
}


def has_script(text: str, script: str) -> bool:
    return _SCRIPT_PATTERNS[script].search(text) is not None


def script_problem(code: str, value: str) -> str | None:
    """The problem code when a text is not written in its language's script, else None."""
    if code == "zh" and not has_script(value, "cjk"):
        return "script_not_chinese"
    if code in ("fr", "en") and has_script(value, "cjk") and not re.search(r"[A-Za-zÀ-ÿ]", value):
        return "script_only_chinese"
    if code == "ar" and not has_script(value, "arabic"):
        return "script_not_arabic"
    if code == "tfng" and not has_script(value, "tifinagh"):
        return "script_not_tifinagh"
    return None
