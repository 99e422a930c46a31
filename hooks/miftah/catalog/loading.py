"""Loading the catalog: record folders on disk → validated, typed records plus every problem.

``load_catalog`` reads every record, converts it by the schema, runs the cross-record rules and
returns all problems at once; records are built only when there is no error. Loading is
memoised on the files' sizes and modification times, because one build runs one pass per
language and the dev server rebuilds on every save; and each record's reading is remembered on
the state of its own folder, so a save in the preview reads one record again, not all of them
(the cross-record rules always run on the whole catalog).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from miftah import DATA_DIR
from miftah.catalog import rules
from miftah.catalog.kinds import Record, Where
from miftah.catalog.problems import Problem
from miftah.catalog.rawrecord import RawRecord
from miftah.catalog.records import (
    Catalog,
    cooperative_from_values,
    product_from_values,
    programme_from_values,
)
from miftah.catalog.schema import COOPERATIVE, PRODUCT, PROGRAMME
from miftah.catalog.yamlnodes import read_record

PRODUCTS_DIR = "products"
COOPERATIVES_DIR = "cooperatives"
DATA_FOLDER = DATA_DIR
PROGRAMME_DIR = "programme"  # the site's identity and export desk: one record, in its own folder
RECORD_FILE = {
    PRODUCTS_DIR: "product.yml",
    COOPERATIVES_DIR: "cooperative.yml",
    PROGRAMME_DIR: "programme.yml",
}


@dataclass(frozen=True)
class Loaded:
    catalog: Catalog | None  # None when any problem is an error
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]


_memo: dict[Path, tuple[tuple[Any, ...], Loaded]] = {}
# record folder → (its files' state and the data files' state, the record, its own problems)
_read_memo: dict[Path, tuple[tuple[Any, ...], RawRecord | None, list[Problem]]] = {}


def load_catalog(root: Path) -> Loaded:
    """Read, validate and type every record under ``root``; memoised until a file changes."""
    root = root.resolve()
    signature = _signature(root)
    cached = _memo.get(root)
    if cached and cached[0] == signature:
        return cached[1]
    loaded = _load(root)
    _memo[root] = (signature, loaded)
    return loaded


def forget_readings() -> None:
    """Drop the remembered readings of single records (``_read_one``): a build that forks its
    workers drops them first, as each worker would otherwise hold its own copy (Python's garbage
    collector writes to every object it visits: +390 MB at 3,000 products)."""
    _read_memo.clear()


def _signature(root: Path) -> tuple[Any, ...]:
    # Records, and the vocabularies and rules they are checked against (renaming a category
    # must invalidate a "valid" memo, or pages would look up a term that no longer exists).
    folders = [root / collection for collection in RECORD_FILE] + [DATA_FOLDER]
    return tuple(entry for top in folders for entry in _tree_state(top))


def _tree_state(top: Path) -> tuple[Any, ...]:
    entries = []
    for folder, _dirs, files in os.walk(top):
        for name in files:
            stat = os.lstat(Path(folder) / name)
            entries.append((folder, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


def _load(root: Path) -> Loaded:
    problems: list[Problem] = []
    data = _tree_state(DATA_FOLDER)
    programme = _read_programme(root, problems, data)
    raw_cooperatives = _read_collection(root, COOPERATIVES_DIR, COOPERATIVE, problems, data)
    raw_products = _read_collection(root, PRODUCTS_DIR, PRODUCT, problems, data)
    problems += rules.check_catalog(root, raw_cooperatives, raw_products, programme)
    if programme is None or any(problem.is_error for problem in problems):
        return Loaded(None, problems)
    cooperatives = {s: cooperative_from_values(s, r.folder, r.values) for s, r in raw_cooperatives.items()}
    products = {s: product_from_values(s, r.folder, r.values) for s, r in raw_products.items()}
    return Loaded(
        Catalog(cooperatives, products, programme_from_values(programme.folder, programme.values)), problems
    )


def _read_programme(root: Path, problems: list[Problem], data: tuple[Any, ...]) -> RawRecord | None:
    folder = root / PROGRAMME_DIR
    shown = f"{PROGRAMME_DIR}/{RECORD_FILE[PROGRAMME_DIR]}"
    if folder.is_symlink():
        problems.append(Problem(shown, None, "", "record_folder_is_link", {"folder": PROGRAMME_DIR}))
        return None
    if not (folder / RECORD_FILE[PROGRAMME_DIR]).is_file():
        problems.append(Problem(shown, None, "", "programme_missing", {}))
        return None
    return _read_one(folder, shown, PROGRAMME, problems, data)


def _read_collection(
    root: Path, collection: str, schema: Record, problems: list[Problem], data: tuple[Any, ...]
) -> dict[str, RawRecord]:
    """Every record of one collection, as converted values, keyed by slug (folder name)."""
    records = {}
    base = root / collection
    folders = sorted(entry for entry in base.iterdir() if entry.is_dir()) if base.is_dir() else []
    for folder in folders:
        shown = f"{collection}/{folder.name}/{RECORD_FILE[collection]}"
        path = folder / RECORD_FILE[collection]
        if folder.is_symlink():  # never followed: it could publish a folder outside the repository
            problems.append(Problem(shown, None, "", "record_folder_is_link", {"folder": folder.name}))
            continue
        if not path.is_file():
            problems.append(Problem(shown, None, "", "record_missing", {"folder": folder.name}))
            continue
        record = _read_one(folder, shown, schema, problems, data)
        if record is not None:
            records[folder.name] = record
    return records


def _read_one(
    folder: Path, shown: str, schema: Record, problems: list[Problem], data: tuple[Any, ...]
) -> RawRecord | None:
    """One record read and converted, or its reading of an earlier load when neither its folder
    (the record and the files it names) nor the data files it is checked against changed."""
    state = (_tree_state(folder), data)
    remembered = _read_memo.get(folder)
    if remembered and remembered[0] == state:
        problems += remembered[2]
        return remembered[1]
    own: list[Problem] = []
    record = _read_and_convert(folder, shown, schema, own)
    _read_memo[folder] = (state, record, own)
    problems += own
    return record


def _read_and_convert(folder: Path, shown: str, schema: Record, problems: list[Problem]) -> RawRecord | None:
    if (folder / shown.rsplit("/", 1)[-1]).is_symlink():  # never read: it could be any file at all
        problems.append(Problem(shown, None, "", "record_file_is_link", {"value": shown.rsplit("/", 1)[-1]}))
        return None
    top, read_problems = read_record(str(folder / shown.rsplit("/", 1)[-1]), shown)
    problems += read_problems
    if top is None:
        return None
    values = schema.convert(top, Where(shown, folder, problems))
    return RawRecord(folder.name, folder, shown, top, values or {}, schema)
