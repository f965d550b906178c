# Two commands for a newcomer:
#   make run   - the CMS with demo content on the embedded default (SQLite, local media)
#   make test  - lint, migration check and the whole test suite on PostgreSQL

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The address every link is built from (cms site_address): where `make run` serves, by name.
SITE_HOST := $(if $(filter 127.0.0.1 0.0.0.0 ::,$(HOST)),localhost,$(HOST))

.PHONY: run test lint install demo bench fuzz example-app translations clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py site_address http://$(SITE_HOST):$(PORT)
	$(PY) manage.py ensure_dev_admin

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	DATABASE_URL=sqlite:///:memory: $(PY) manage.py makemigrations --check --dry-run

test: lint
	$(PY) -m tests.run --numprocesses auto

# Compiles the project's German catalogue after an edit of its .po. polib (a dev requirement)
# does what GNU gettext's msgfmt would, so no system package is needed; the .mo is committed.
CATALOGUE := locale/de/LC_MESSAGES/django
translations: install
	$(PY) -c "import polib; polib.pofile('$(CATALOGUE).po').save_as_mofile('$(CATALOGUE).mo')"

# The example app on http://localhost:8001, reading the API of `make run`.
example-app:
	$(PYTHON) -m http.server 8001 --bind 127.0.0.1 --directory examples/app

# API benchmark against an nginx baseline; needs PostgreSQL, Redis, wrk and nginx (bench/README.md).
bench: install
	$(PY) -m bench.run $(BENCH_ARGS)

# The API fuzzed against its OpenAPI document with schemathesis, 1,000 cases per operation;
# needs PostgreSQL (fuzz/run.py; FUZZ_ARGS=--help lists its options).
fuzz: install
	$(PY) -m fuzz.run $(FUZZ_ARGS)

clean:
	rm -rf var/db.sqlite3 var/media var/static
