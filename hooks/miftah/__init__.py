"""Miftah Souk catalog: the domain package.

Everything that knows about cooperatives, products, languages and pages lives here; nothing in
this package imports MkDocs, so that the site generator can change without rewriting the domain.
The MkDocs glue is ``hooks/mkdocs_catalog.py``; command-line fronts are in ``scripts/``.
"""
