"""What each page gives the search index besides its text: the buyer vocabulary
(``data/search_synonyms.yml``) and the page's words with explicit boundaries.

Pagefind segments a page's Chinese text when it indexes (charabia, i.e. jieba) and a query in the
browser (Intl.Segmenter, i.e. ICU), and the two disagree: jieba writes 摩洛哥 as 摩洛 + 哥, ICU
keeps 摩洛哥 and splits a transliteration such as 索维拉 into 索 + 维 + 拉. Each query word must
then be the beginning of a word of the page, and every query word must be found (Pagefind looks
words up by prefix and intersects their pages).

Metadata is indexed differently: a ``data-pagefind-meta`` value is split at spaces only, never
segmented, and searched like the text. So each page carries three metadata fields written here
with explicit word boundaries, each Chinese run with all its suffixes (摩洛哥坚果油 坚果油 果油
油…), so that whatever ICU cuts out of it begins a word, and on Chinese pages its pinyin too
(aganyou ganyou you):

* ``name`` — the page's own names in every script
  (Pagefind's ``title`` is the heading as one unsegmented word: 松露 does not begin 沙漠松露);
* ``keywords`` — the record's keywords, the buyer vocabulary of ``data/search_synonyms.yml``, its
  category, label and places, the cooperative;
* ``text`` — the names of product types the page only mentions (saffron in saffron honey).

The page's own text is left to Pagefind. It was once also written here in 4-character windows
from every position: on the query sets that found nothing more, ranked worse (a description's
words weighed like the names), and made the index 45 % larger and each result's fragment heavier.

A cooperative's page names them ``cooperative``, ``cooperative_keywords``, ``cooperative_text``.
The search page ranks ``title`` and names above keywords above text (``metaWeights`` in
docs/assets/search.js). French and English need only the words: their text has spaces.

The index itself (Pagefind over the built site) is ``miftah.publishing.search``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pypinyin import lazy_pinyin

from miftah import DATA_DIR
from miftah.catalog.schema import Cooperative, Product
from miftah.catalog.taxonomy import vocabulary
from miftah.languages import CODES
from miftah.translated import Translations

# The three fields of a product page, and of a cooperative page: named apart, so that the search
# page can tell a cooperative from a product whichever of its fields matched.
PRODUCT_FIELDS = ("name", "keywords", "text")
COOPERATIVE_FIELDS = ("cooperative", "cooperative_keywords", "cooperative_text")
SYNONYMS_FILE = DATA_DIR / "search_synonyms.yml"
PLACE_VOCABULARIES = ("communes", "provinces", "regions")
TERM_VOCABULARIES = ("categories", "geographical_indications", *PLACE_VOCABULARIES)
COUNTRY = {"zh": "摩洛哥", "fr": "Maroc", "en": "Morocco", "ar": "المغرب"}

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_WORD = re.compile(rf"[^\W{_HAN}]+")  # letters and digits of any other script
_PUNCTUATION_INSIDE = re.compile(r"[''’\-‐‑.]")


@dataclass(frozen=True)
class Family:
    """A product type (argan, saffron…) and the names buyers type for it, per page language."""

    id: str
    match: tuple[str, ...]
    names: dict[str, tuple[str, ...]]
    categories: tuple[str, ...] = ()  # products of these categories are of this type

    def matches(self, text: str) -> bool:
        folded = text.casefold()
        for needle in self.match:
            if _HAN_RUN.search(needle) or not needle.isascii():
                if needle.casefold() in folded:
                    return True
            elif re.search(rf"(?<!\w){re.escape(needle.casefold())}s?(?!\w)", folded):
                return True
        return False


@dataclass(frozen=True)
class BuyerVocabulary:
    families: tuple[Family, ...]
    terms: dict[str, dict[str, dict[str, tuple[str, ...]]]]  # vocabulary -> term id -> lang -> names

    def names(self, vocabulary_name: str, term_id: str, lang: str) -> tuple[str, ...]:
        return self.terms.get(vocabulary_name, {}).get(term_id, {}).get(lang, ())


class VocabularyError(ValueError):
    pass


@functools.cache
def buyer_vocabulary(path: Path = SYNONYMS_FILE) -> BuyerVocabulary:
    """``data/search_synonyms.yml``, checked: every family has names in every language, and
    every other entry is a term of an existing vocabulary."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    families = []
    for family_id, entry in (raw.get("families") or {}).items():
        missing = [code for code in CODES if not entry.get(code)]
        if missing or not entry.get("match"):
            problems.append(f"family {family_id!r}: needs `match` and names in {', '.join(CODES)}")
            continue
        names = {code: tuple(str(name) for name in entry[code]) for code in CODES}
        categories = tuple(str(c) for c in entry.get("categories", ()))
        unknown = [c for c in categories if c not in vocabulary("categories")]
        if unknown:
            problems.append(f"family {family_id!r}: unknown categories {unknown}")
        families.append(Family(str(family_id), tuple(str(m) for m in entry["match"]), names, categories))
    terms: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    for vocabulary_name, entries in raw.items():
        if vocabulary_name == "families":
            continue
        if vocabulary_name not in TERM_VOCABULARIES:
            problems.append(f"{vocabulary_name!r} is not one of: families, {', '.join(TERM_VOCABULARIES)}")
            continue
        known = vocabulary(vocabulary_name)
        for term_id, by_lang in (entries or {}).items():
            if term_id not in known:
                problems.append(f"{vocabulary_name}: {term_id!r} is not a term of {vocabulary_name}.yml")
            unknown = sorted(set(by_lang) - set(CODES))
            if unknown:
                problems.append(f"{vocabulary_name}: {term_id!r} has unknown languages {unknown}")
            terms.setdefault(vocabulary_name, {})[str(term_id)] = {
                code: tuple(str(name) for name in by_lang.get(code, ())) for code in CODES
            }
    if problems:
        raise VocabularyError(f"{path.name}: " + "; ".join(problems))
    return BuyerVocabulary(tuple(families), terms)


def _index_languages(lang: str) -> tuple[str, ...]:
    """Whose buyer words a page carries: its own; a Chinese page also English (importers type
    "argan oil" on a Chinese page), never the reverse (search answers in the page's language)."""
    return ("zh", "en") if lang == "zh" else (lang,)


def _all_names(texts: Translations) -> list[str]:
    return [text for _, text in texts.texts]


def _term_names(vocabulary_name: str, term_id: str | None, lang: str) -> list[str]:
    if not term_id or term_id not in vocabulary(vocabulary_name):
        return []
    entry = vocabulary(vocabulary_name)[term_id]
    names = [*entry.labels.values(), entry.arabic or ""]
    for code in _index_languages(lang):
        names += buyer_vocabulary().names(vocabulary_name, term_id, code)
    return names


def _places(region: str | None, province: str | None, commune: str | None, lang: str) -> list[str]:
    if province and not region:
        region = (
            vocabulary("provinces")[province].fact("region") if province in vocabulary("provinces") else None
        )
    names = list(COUNTRY.values())
    for vocabulary_name, term_id in (("communes", commune), ("provinces", province), ("regions", region)):
        names += _term_names(vocabulary_name, term_id, lang)
    return names


def families_of(texts: list[str]) -> tuple[Family, ...]:
    return tuple(f for f in buyer_vocabulary().families if any(f.matches(text) for text in texts))


def _family_names(families: tuple[Family, ...], lang: str) -> list[str]:
    return [name for family in families for code in _index_languages(lang) for name in family.names[code]]


def _keywords(record_keywords: Translations, code: str) -> list[str]:
    return [k.strip() for k in (record_keywords.get(code) or "").split(",") if k.strip()]


def product_terms(
    product: Product, cooperative: Cooperative, lang: str
) -> tuple[list[str], list[str], list[str]]:
    """What a buyer may type to find this product, before it is cut into index words: its own
    names (every script); the other words (keywords, buyer vocabulary of its type, category,
    label, places, cooperative); the names of the other types it contains (saffron in saffron
    honey), which weigh as the page's text."""
    names = _all_names(product.name)
    own = [*names, *(k for code in CODES for k in _keywords(product.keywords, code))]
    families = families_of(own)
    kinds = tuple(f for f in families if product.category in f.categories)
    others = tuple(f for f in families if f not in kinds)
    terms = [*_keywords(product.keywords, lang), *_family_names(kinds, lang)]
    if lang == "zh":  # importers type the English keywords on Chinese pages too
        terms += _keywords(product.keywords, "en")
    terms += _term_names("categories", product.category, lang)
    terms += _term_names("geographical_indications", product.origin.geographical_indication, lang)
    terms += _places(
        product.origin.region or cooperative.region,
        product.origin.province or cooperative.province,
        cooperative.commune,
        lang,
    )
    terms += _all_names(cooperative.name)
    return names, terms, _family_names(others, lang)


def cooperative_terms(
    cooperative: Cooperative, products: list[Product], lang: str
) -> tuple[list[str], list[str], list[str]]:
    """What finds a cooperative's page: its names in every script; then its places and the names
    of what it sells. Not the buyer vocabulary of its products: a query for a product type should
    bring the product pages first, and they carry it."""
    names = [*_all_names(cooperative.name), cooperative.legal_name or ""]
    terms = _places(cooperative.region, cooperative.province, cooperative.commune, lang)
    for product in products:
        terms.append(product.name.get(lang) or "")
    return names, terms, []


@functools.lru_cache(maxsize=65_536)
def _han_suffixes(run: str) -> tuple[str, ...]:
    """A Chinese run's suffixes, then its pinyin's syllable suffixes: the same few hundred runs
    (阿甘油, 摩洛哥, 合作社…) come back on page after page, and pinyin is the slow part."""
    syllables = [s.lower() for s in lazy_pinyin(run) if s.isascii() and s.isalpha()]
    return (
        *(run[i:] for i in range(len(run))),
        *("".join(syllables[i:]) for i in range(len(syllables))),
    )


def index_words(terms: list[str], lang: str) -> str:
    """The terms as index words, space-separated, each once: Chinese runs with all their suffixes
    (and, on Chinese pages, their pinyin with its syllable suffixes), other words as written and
    without their inner punctuation (d'argan → dargan and argan: how Pagefind reads a query).
    Pages in French and English carry no Chinese."""
    words: dict[str, None] = {}
    for term in terms:
        for run in _HAN_RUN.findall(term):
            if lang != "zh":
                continue
            words.update(dict.fromkeys(_han_suffixes(run)))
        for piece in term.split():
            joined = _PUNCTUATION_INSIDE.sub("", piece)
            for word in (*_WORD.findall(joined), *_WORD.findall(piece)):
                words[word.casefold()] = None
    return " ".join(words)
