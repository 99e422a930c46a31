"""What the search index carries besides the text (hooks/miftah/views/searchwords.py): the buyer
vocabulary is valid, and Chinese is written with explicit word boundaries that whatever ICU cuts
will begin."""

from __future__ import annotations

from miftah.languages import CODES
from miftah.views import searchwords


def test_the_buyer_vocabulary_loads_and_every_family_has_names_in_every_language() -> None:
    vocabulary = searchwords.buyer_vocabulary()
    assert vocabulary.families
    for family in vocabulary.families:
        assert family.match
        assert all(family.names[code] for code in CODES), family.id


def test_each_chinese_run_is_written_with_all_its_suffixes_and_its_pinyin() -> None:
    words = searchwords.index_words(["食用阿甘油（摩洛哥坚果油）"], "zh").split()
    for word in ["食用阿甘油", "阿甘油", "摩洛哥坚果油", "坚果油", "油", "aganyou", "moluogejianguoyou"]:
        assert word in words


def test_latin_words_are_kept_with_and_without_their_inner_punctuation() -> None:
    assert searchwords.index_words(["Huile d'argan"], "fr").split() == ["huile", "dargan", "d", "argan"]


def test_french_and_english_pages_carry_no_chinese() -> None:
    assert searchwords.index_words(["阿甘油", "argan"], "en") == "argan"


def test_families_match_whole_words_and_chinese_inside_names() -> None:
    assert [f.id for f in searchwords.families_of(["Saffron honey"])] == ["saffron", "honey"]
    assert [f.id for f in searchwords.families_of(["Rosemary"])] == []
    assert [f.id for f in searchwords.families_of(["塔利温藏红花"])] == ["saffron"]
