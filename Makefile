# The two commands of the README: `make run` and `make test`. `make data` is the data half of run.
# Data sources are variables: point them at official downloads (paths or URLs) to use those instead.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED_DATA ?= ../shared/data
BOUNDARIES ?= $(SHARED_DATA)/boundaries/sco-topo_lad.json
BOUNDARY_OPTIONS ?=
PLACES ?= $(SHARED_DATA)/places/scotland_populated_places_os_open_names_gb-places.csv
POSTCODES ?= $(SHARED_DATA)/places/scotland_postcodes_nspl_2025-05_odileeds.csv
POSTCODE_DISTRICTS ?= $(SHARED_DATA)/places/scotland_postcode_district_centroids_derived.csv
SERVICES ?= fixtures/services.json
CONTACTS ?= $(SHARED_DATA)/services/contacts.yaml
HELPLINES ?= fixtures/helplines.yaml
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostgreSQL half of `make test`; pytest-django creates and drops test_<name> beside it.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/servicemap
PYTEST_ARGS ?=
# Options for benchmarks/run.py, e.g. BENCH_ARGS='--only search'.
BENCH_ARGS ?=
# The file `make backup` writes (backups/servicemap-<UTC time>.json.gz when empty) and the one
# `make restore` reads (required).
BACKUP ?=

export SHARED_DATA

.PHONY: install data run test lint bench backup restore fuzz load mutation messages

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# The front-end packages (the design system) exactly as package-lock.json pins them; Django serves
# the files pages use straight from node_modules. Reinstalled whenever the lock file changes.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

data: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_boundaries $(BOUNDARIES) $(BOUNDARY_OPTIONS)
	$(BIN)/python manage.py import_places --places $(PLACES) --postcodes $(POSTCODES) --districts $(POSTCODE_DISTRICTS)
	$(BIN)/python manage.py load_services $(SERVICES)
	$(BIN)/python manage.py load_contacts $(CONTACTS)
	$(BIN)/python manage.py load_helplines $(HELPLINES)

# Every record with its history, to one file; restore replaces every record with a backup's, all or
# nothing (README, "Backups"). restore migrates first, so it also fills a new, empty database.
backup: install
	$(BIN)/python manage.py backup $(BACKUP)

restore: install
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/…json.gz"; exit 2; }
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py restore $(BACKUP)

run: data
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pip check
	# Known vulnerabilities in the installed packages, from PyPI's advisory data.
	$(BIN)/pip-audit --skip-editable --progress-spinner off
	$(BIN)/python manage.py check
	# Production settings with only a key and host names set must pass the deployment checks.
	DEBUG=0 ALLOWED_HOSTS=finder.example.org \
		SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		$(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	# Every test on SQLite and on PostgreSQL: each database's browser tests in one process, and
	# beside them, at the lowest CPU priority, the rest with two workers (tests/run_suite.py).
	$(BIN)/python -m tests.run_suite \
		sqlite:///$(CURDIR)/db.sqlite3 $(TEST_DATABASE_URL) -- $(PYTEST_ARGS)

# The translation catalogues from the strings the code marks (README, "Languages"): run after
# changing any marked string, then give the .po files to translators. Needs GNU gettext (Debian:
# gettext).
messages: install
	$(BIN)/python manage.py update_translations

# Speed and size measurements (benchmarks/README.md): writes benchmarks/RESULTS.md.
bench: install
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# Hostile input (stress/README.md): FUZZ_REQUESTS (100000) requests in-process; fails on any 5xx.
fuzz: install
	$(BIN)/python -m stress.fuzz

# gunicorn under load on PostgreSQL, restarted half-way (stress/README.md): LOAD_SECONDS (300).
load: install
	$(BIN)/python -m stress.load

# Mutation testing of the rule modules (mutation/README.md): writes mutation/RESULTS.md. Not part of
# `make test`: aimed at half an hour on two cores, not yet measured since lines judged equivalent
# were left unmutated (mutation/RESULTS.md says how long each run took).
mutation: install $(VENV)/.mutation-installed
	$(BIN)/python -m mutation.run

$(VENV)/.mutation-installed: pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test,mutation]"
	touch $@
