# Front door for maintainers. Every target creates .venv from the lock on first use.
# `make serve` previews the site, `make test` runs linters and the whole test suite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
lang ?=
PRODUCTS ?= 300

.PHONY: serve build check test lint lock clean schemas translations new-product new-cooperative bench-photos bench \
	install codeowners audit deploy-s3 cache-report cache-prune format edit

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

serve: $(STAMP)  ## build, then serve on http://127.0.0.1:8000 with live reload
	$(BIN)/python scripts/site.py serve $(if $(all),--all-languages)

install: $(STAMP)  ## create .venv from the lock (every other target does it on first use)

# Reproducible builds: every date in the output comes from the last commit, unless set already.
build: export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
build: $(STAMP)  ## validate the records, then build the static site into site/
	$(BIN)/python scripts/site.py build

check: $(STAMP)  ## validate the records only (exit 1 on any problem, warnings included), and their layout
	$(BIN)/python scripts/check.py --strict $(if $(lang),--lang $(lang)) $(if $(format),--format $(format))
	$(BIN)/python scripts/format.py --check $(if $(lang),--lang $(lang)) $(if $(format),--format $(format))

edit: $(STAMP)  ## the web editor on http://127.0.0.1:8081 over this working copy (needs npm ci)
	test -d node_modules/decap-cms || npm ci --no-audit --no-fund --ignore-scripts
	$(BIN)/python scripts/edit.py $(if $(port),--port $(port))

format: $(STAMP)  ## write every record in its one layout (the one the web editor writes)
	$(BIN)/python scripts/format.py

codeowners: $(STAMP)  ## regenerate .github/CODEOWNERS from the cooperatives' reviewers
	$(BIN)/python scripts/codeowners.py

audit: $(STAMP)  ## known vulnerabilities in requirements.lock (exit 2, saying so, when the data is unreachable)
	$(BIN)/python scripts/audit.py

deploy-s3: $(STAMP)  ## sync site/ to S3-compatible storage (S3_* and AWS_* variables; see README)
	$(BIN)/python scripts/deploy_s3.py

cache-report: $(STAMP)  ## size of the photo cache (.cache/photos), and how much the records no longer use
	$(BIN)/python scripts/photo_cache.py report

cache-prune: $(STAMP)  ## remove photo-cache entries that no image of the records uses
	$(BIN)/python scripts/photo_cache.py prune

schemas: $(STAMP)  ## regenerate schemas/*.json and the field reference in CONTRIBUTING.md
	$(BIN)/python scripts/schemas.py

translations: $(STAMP)  ## which fields of which records lack a translation
	$(BIN)/python scripts/translations.py $(if $(format),--format $(format))

new-product: $(STAMP)  ## ask a few questions (or args="--slug … --name-zh …"), write a commented skeleton
	$(BIN)/python scripts/new_record.py product $(args)

new-cooperative: $(STAMP)  ## the same for a cooperative (options: scripts/new_record.py --help)
	$(BIN)/python scripts/new_record.py cooperative $(args)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python scripts/schemas.py --check

# Branch coverage of hooks/miftah (subprocesses included; settings in pyproject.toml): the
# report fails under its floor (fail_under).
test: lint  ## linters, type checks and the whole test suite, with branch coverage
	rm -rf .cache/coverage
	$(BIN)/coverage run -m pytest
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report

bench-photos: $(STAMP)  ## photo pipeline benchmark (prints a table, writes bench-photos.json)
	$(BIN)/python benchmarks/bench_photos.py

bench: $(STAMP)  ## build time and page weight on a generated catalog of $(PRODUCTS) products, against budgets
	test -x node_modules/.bin/lighthouse || npm ci --no-audit --no-fund
	$(BIN)/python benchmarks/bench.py --products $(PRODUCTS)

lock:  ## re-pin requirements.lock from requirements.in (needs network)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements.lock requirements.in

clean:
	rm -rf site site.* .site-building-* .site.lock .cache
