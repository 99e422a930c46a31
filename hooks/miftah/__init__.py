"""Miftah Souk catalog: the domain package.

Everything that knows about cooperatives, products, languages and pages lives here; nothing in
this package imports MkDocs, so that the site generator can change without rewriting the domain.
The MkDocs glue is ``hooks/mkdocs_catalog.py``; command-line fronts are in ``scripts/``.

Grouped by concern, in the order a record travels (ARCHITECTURE.md draws it):

* ``catalog`` — records: strict YAML, the one declaration of every field, rules, vocabularies,
  problems;
* ``media`` — photos, logos and QR codes: checks, encoding, cache;
* ``views`` — what each page says, per language (templates only print it);
* ``publishing`` — the build's steps, root pages, ``site/`` on disk, search, deploy;
* ``ci`` — pull-request annotations and summaries, CODEOWNERS;
* ``editing`` — the web editor's configuration, the record layout, JSON Schemas, skeletons.

Beside them, what every group uses: ``languages``, ``translated`` (a text in several languages),
``i18n`` (interface strings), ``clock``, ``failures`` (operating-system errors as one line), and
``data/`` (``DATA_DIR``).
"""

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
