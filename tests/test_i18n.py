"""Languages are data: every interface string and every vocabulary term exists in all three."""

from __future__ import annotations

import pytest

from miftah.catalog.problems import MESSAGE_LANGUAGES, catalogue
from miftah.catalog.taxonomy import VOCABULARIES, vocabulary
from miftah.i18n import all_keys, language_name, strings, t
from miftah.languages import CODES, DEFAULT_CODE, LANGUAGES, OWN_SCRIPTS


def test_every_string_exists_in_every_language() -> None:
    keys = all_keys()
    reference = keys[DEFAULT_CODE]
    for code in CODES:
        assert keys[code] == reference, (
            f"{code}: missing {reference - keys[code]}, extra {keys[code] - reference}"
        )


@pytest.mark.parametrize("code", CODES)
def test_strings_are_not_empty_and_placeholders_match(code: str) -> None:
    for key, value in strings(code).items():
        assert value, f"{code}.{key} is empty"
        if isinstance(value, str):
            reference = strings(DEFAULT_CODE)[key]
            assert sorted(_placeholders(value)) == sorted(_placeholders(reference)), f"{code}.{key}"


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_language_names_cover_every_language_in_every_language() -> None:
    for code in CODES:  # the site's languages and the scripts a name may be written in
        assert set(strings(code)["language_names"]) == {*CODES, *OWN_SCRIPTS}
        assert all(language_name(code, other) for other in (*CODES, *OWN_SCRIPTS))
    assert language_name("zh", "fr") == "法语"
    assert t("fr", "missing_translation", language="anglais") == (
        "Pas encore traduit en français ; texte original en anglais."
    )


def test_fallback_orders_never_loop_and_name_every_other_language() -> None:
    for lang in LANGUAGES:
        site_languages = [code for code in lang.fallbacks if code in CODES]
        assert sorted(site_languages) == sorted(set(CODES) - {lang.code})
        assert lang.code not in lang.fallbacks
        assert set(lang.fallbacks) - set(CODES) <= set(OWN_SCRIPTS)  # only a name's own script


def test_twelve_regions_of_morocco_and_all_labels() -> None:
    assert len(vocabulary("regions")) == 12
    for name in VOCABULARIES:
        for term in vocabulary(name).values():
            assert all(term.labels[code].strip() for code in CODES)


def test_every_problem_message_exists_in_french_and_english() -> None:
    for code, entry in catalogue().items():
        assert set(entry) == set(MESSAGE_LANGUAGES), code
        assert all(entry[lang]["what"] for lang in MESSAGE_LANGUAGES), code


def test_every_problem_code_raised_in_the_code_has_its_words() -> None:
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "hooks" / "miftah"
    source = "\n".join(path.read_text(encoding="utf-8") for path in package.rglob("*.py"))
    raised = set(re.findall(r'report\(\s*[^,]+,\s*"([a-z_]+)"', source))
    raised |= set(re.findall(r'Problem\([^()]*?,\s*"([a-z_0-9]+)",\s*(?:\{|params|dict)', source, re.S))
    raised |= set(re.findall(r'code = "([a-z_]+)"', source))
    assert raised, "the scan found no problem code: the pattern is out of date"
    assert raised <= set(catalogue()), raised - set(catalogue())


def test_french_and_english_messages_use_the_same_placeholders() -> None:
    for code, entry in catalogue().items():
        for part in ("what", "fix"):
            assert sorted(_placeholders(entry["fr"][part])) == sorted(_placeholders(entry["en"][part])), code


def test_no_string_key_hides_behind_a_dict_method() -> None:
    """Templates read strings as ``t.key``; Jinja finds a dict's methods first (``t.copy``)."""
    for code in CODES:
        assert [key for key in strings(code) if key in dir(dict)] == []
