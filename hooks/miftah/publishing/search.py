"""The search index: Pagefind over the finished site, one index per ``<html lang>``.

Pagefind reads the built HTML (only the parts marked ``data-pagefind-body``), segments Chinese
text (the "extended" build), and writes a chunked index that a phone downloads piece by piece.

The pages are given to Pagefind's Python API one by one in sorted order, not as a folder: the
command line reads folders in the file system's order (hash order on ext4, creation order on
tmpfs), and the index it writes depends on that order.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pagefind.index import IndexConfig
from pagefind.service import PagefindService
from pagefind.service.types import InternalResponseType
from pypinyin import lazy_pinyin

from miftah import DATA_DIR
from miftah.catalog.schema import Cooperative, Product
from miftah.catalog.taxonomy import vocabulary
from miftah.languages import CODES
from miftah.translated import Translations

SEARCH_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"


class SearchIndexError(RuntimeError):
    pass


PAGEFIND_TIMEOUT_S = 600  # ~3 s for 300 products; a hang fails the build instead of blocking it


def index_site(site_dir: Path) -> None:
    try:
        asyncio.run(asyncio.wait_for(_index_pages(site_dir), PAGEFIND_TIMEOUT_S))
    except OSError:
        raise
    except TimeoutError as error:
        raise SearchIndexError(f"Pagefind did not finish within {PAGEFIND_TIMEOUT_S} s") from error
    except Exception as error:  # the service's own failures: one line
        raise SearchIndexError(f"Pagefind failed: {error}") from error


ENTRY_WAIT_S = 10.0
FINISH_WAIT_S = 60.0


def _read_entry(entry: Path) -> dict[str, Any]:
    """The entry file as Pagefind wrote it. On a loaded machine a preview build once read it
    empty (JSONDecodeError) right after the service answered "written": it is read again for a
    few seconds before the build fails, in one line."""
    deadline = time.monotonic() + ENTRY_WAIT_S
    while True:
        try:
            data: dict[str, Any] = json.loads(entry.read_text(encoding="utf-8"))
            return data
        except (OSError, ValueError) as error:
            if time.monotonic() > deadline:
                raise SearchIndexError(f"Pagefind's {entry.name} is unreadable: {error}") from error
            time.sleep(0.2)


def page_url(relative: str) -> str:
    """The URL Pagefind's command line gives a page: ``zh/products/x/index.html`` → ``/zh/products/x/``."""
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


_HTML_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([^\"'\s>]*)", re.IGNORECASE)
_BODY_MARK = re.compile(rb"<[^>]*\sdata-pagefind-body[\s=/>]")


def pages_by_language(site_dir: Path) -> dict[str, list[Path]]:
    """The pages Pagefind indexes, sorted, by the language it files them under (``<html lang>``,
    lower-cased; "" without one). Pagefind reads only the pages marked ``data-pagefind-body`` as
    soon as one page of the site is: the others are not sent at all (the listings, the home page)."""
    found: list[tuple[str, bool, Path]] = []
    for page in sorted(site_dir.rglob("*.html")):
        if page.relative_to(site_dir).as_posix().startswith(SEARCH_DIR + "/"):
            continue
        html = page.read_bytes()
        declared = _HTML_LANG.search(html)
        code = declared.group(1).decode("ascii", "replace").lower() if declared else ""
        found.append((code, bool(_BODY_MARK.search(html)), page))
    marked = any(body for _, body, _ in found)
    groups: dict[str, list[Path]] = {}
    for lang, body, page in found:
        if body or not marked:
            groups.setdefault(lang, []).append(page)
    return groups


async def _index_pages(site_dir: Path) -> None:
    """One Pagefind process per language, one after the other: Pagefind holds every page it was
    given until it writes (2.4 GB at 3,000 products in one process, 1.4 GB for the Chinese
    pages alone). Each language's index is its own (words, filters, page numbers), so the files
    are the ones a single process writes; only the entry file, rewritten by each run, is merged
    (checked: the same bytes at 300 and 3,000 products)."""
    output = site_dir / SEARCH_DIR
    entry = output / ENTRY_FILE
    languages: dict[str, Any] = {}
    data: dict[str, Any] = {}
    for pages in pages_by_language(site_dir).values():
        service = _PromptService()
        await service.launch()
        try:
            index = await service.create_index(IndexConfig())
            for page in pages:
                relative = page.relative_to(site_dir).as_posix()
                await index.add_html_file(content=page.read_text("utf-8"), url=page_url(relative))
            await index.write_files(output_path=str(output))
            await asyncio.to_thread(wait_until_written, output, service.pid)
            await service.finish()
        finally:
            await service.close()
        data = _read_entry(entry)
        languages.update(data["languages"])
    if data:
        data["languages"] = dict(sorted(languages.items()))
        _write_entry(entry, data)


WRITE_WAIT_S = 60.0


def wait_until_written(folder: Path, pid: int | None = None, wait_s: float = WRITE_WAIT_S) -> None:
    """Wait, while the service ``pid`` still runs, until its writes into ``folder`` have landed.

    Pagefind answers "written" once it has created every file and handed the last bytes of each
    to a background write (tokio's ``File::write_all``, never flushed); a service ended before
    those writes ran leaves files empty or cut short for good (an empty entry file, a truncated
    pagefind.js: builds failed on a loaded machine). A background write holds its file open, so
    the writes are done when the service has no file of ``folder`` open (Linux's /proc; elsewhere
    only the empty files are seen: every file Pagefind writes has bytes, a gzip header at least)."""
    deadline = time.monotonic() + wait_s
    while pending := _empty_files(folder) + _open_files(pid, folder):
        if time.monotonic() > deadline:
            raise SearchIndexError(f"Pagefind did not finish writing {len(pending)} files, e.g. {pending[0]}")
        time.sleep(0.05)


def _empty_files(folder: Path) -> list[str]:
    return [path.name for path in folder.rglob("*") if path.is_file() and path.stat().st_size == 0]


def _open_files(pid: int | None, folder: Path) -> list[str]:
    """The files under ``folder`` that process ``pid`` has open ([] where /proc cannot tell)."""
    inside = str(folder.resolve()) + os.sep
    found = []
    with contextlib.suppress(OSError):  # no /proc, or the process is gone
        for descriptor in Path(f"/proc/{pid}/fd").iterdir() if pid is not None else ():
            with contextlib.suppress(OSError):  # closed meanwhile
                target = descriptor.readlink()
                if str(target).startswith(inside):
                    found.append(target.name)
    return found


def _write_entry(entry: Path, data: dict[str, Any]) -> None:
    """Pagefind writes its languages in hash-map order, which changes from run to run; sorted,
    two builds of the same commit are byte-identical (the other index files already are)."""
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class _PromptService(PagefindService):
    """Pagefind's service client, reading each reply as soon as it arrives.

    The library's reader (pagefind 1.5.2, ``service/__init__.py``) sleeps 0.1 s before reading
    each reply, and pages are sent one at a time to keep their order: 0.1 s per page, 10 s for the
    101 pages of the sample catalog, minutes at 3,000 products. Only that loop is replaced; the
    requests, the process and the errors stay the library's."""

    @property
    def pid(self) -> int:
        return self._backend.pid

    async def finish(self) -> None:
        """End the service as it expects, by closing its input, and wait until it has exited: it
        answers "written" before its last writes reach the disk, and the library's ``close``
        kills it at once (an empty entry file, once in a while, on a loaded machine)."""
        assert self._backend.stdin is not None
        self._backend.stdin.close()
        await asyncio.wait_for(self._backend.wait(), FINISH_WAIT_S)

    async def close(self) -> None:
        if self._backend.returncode is None:
            await super().close()
        else:
            self._poll_task.cancel()

    async def _wait_for_responses(self) -> None:
        assert self._backend.stdout is not None
        try:
            while True:
                raw = await self._backend.stdout.readuntil(b",")
                reply = json.loads(base64.b64decode(raw[:-1]))
                if reply is not None:
                    self._settle(reply)
        except Exception as error:  # it died or spoke garbage: fail what waits, never hang
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(SearchIndexError(f"its service stopped answering ({error})"))

    def _settle(self, reply: dict[str, Any]) -> None:
        payload = reply["payload"]
        message_id = reply.get("message_id")
        if message_id is None and payload.get("original_message"):  # a request it could not parse
            message_id = json.loads(payload["original_message"]).get("message_id")
        future = self._responses.get(message_id) if message_id is not None else None
        if future is None or future.done():
            return
        if payload["type"] == InternalResponseType.ERROR.value:
            future.set_exception(SearchIndexError(str(payload.get("message"))))
        else:
            future.set_result(payload)


# -- what the index carries besides the page's text ------------------------------------------------
#
# Pagefind segments a page's Chinese text when it indexes (charabia, i.e. jieba) and a query in the
# browser (Intl.Segmenter, i.e. ICU), and the two disagree: jieba writes 摩洛哥 as 摩洛 + 哥, ICU
# keeps 摩洛哥 and splits a transliteration such as 索维拉 into 索 + 维 + 拉. Each query word must
# then be the beginning of a word of the page, and every query word must be found (Pagefind looks
# words up by prefix and intersects their pages).
#
# Metadata is indexed differently: a ``data-pagefind-meta`` value is split at spaces only, never
# segmented, and searched like the text. So each page carries three metadata fields written here
# with explicit word boundaries, each Chinese run with all its suffixes (摩洛哥坚果油 坚果油 果油
# 油…), so that whatever ICU cuts out of it begins a word, and on Chinese pages its pinyin too
# (aganyou ganyou you):
#
# * ``name`` — the page's own names in every script
#   (Pagefind's ``title`` is the heading as one unsegmented word: 松露 does not begin 沙漠松露);
# * ``keywords`` — the record's keywords, the buyer vocabulary of ``data/search_synonyms.yml``, its
#   category, label and places, the cooperative;
# * ``text`` — the names of product types the page only mentions (saffron in saffron honey).
#
# The page's own text is left to Pagefind. It was once also written here in 4-character windows
# from every position: on the query sets that found nothing more, ranked worse (a description's
# words weighed like the names), and made the index 45 % larger and each result's fragment heavier.
#
# A cooperative's page names them ``cooperative``, ``cooperative_keywords``, ``cooperative_text``.
# The search page ranks ``title`` and names above keywords above text (``metaWeights`` in
# docs/assets/search.js). French and English need only the words: their text has spaces.

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
            words.update(dict.fromkeys(run[i:] for i in range(len(run))))
            syllables = [s.lower() for s in lazy_pinyin(run) if s.isascii() and s.isalpha()]
            words.update(dict.fromkeys("".join(syllables[i:]) for i in range(len(syllables))))
        for piece in term.split():
            joined = _PUNCTUATION_INSIDE.sub("", piece)
            for word in (*_WORD.findall(joined), *_WORD.findall(piece)):
                words[word.casefold()] = None
    return " ".join(words)
