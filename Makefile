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

.PHONY: run test lint install catalogs messages demo bench fuzz example-app clean

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

run: catalogs demo
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	DATABASE_URL=sqlite:///:memory: $(PY) manage.py makemigrations --check --dry-run

test: lint catalogs
	$(PY) -m tests.run --numprocesses auto

# Compiles the catalogs (locale/<language>/LC_MESSAGES/django.po) into the .mo files Django
# reads; they are built, not committed. Django's compilemessages runs GNU gettext's msgfmt
# (Debian: gettext), which also checks every placeholder; where msgfmt is missing, polib (a
# dev requirement) writes the same files, so `make run` still needs only Python and make.
IGNORED := --ignore=.venv --ignore=var --ignore=node_modules
catalogs: install
	@if command -v msgfmt >/dev/null 2>&1; then \
		$(PY) manage.py compilemessages $(IGNORED); \
	else \
		echo "msgfmt (GNU gettext) not found: compiling the catalogs with polib instead"; \
		$(PY) -c "import pathlib, polib; [polib.pofile(str(po)).save_as_mofile(str(po.with_suffix('.mo'))) \
			for po in sorted(pathlib.Path('locale').glob('*/LC_MESSAGES/django.po'))]"; \
	fi

# Brings the English catalog in step with the code after strings were added or changed
# (needs GNU gettext's xgettext). German is the source language: the msgids are German, so
# the German catalog holds only the corrections to Wagtail's admin and is left alone.
# Then translate what is new or fuzzy in locale/en/LC_MESSAGES/django.po and `make catalogs`.
messages: install
	$(PY) manage.py makemessages --locale=en --no-obsolete --add-location=file $(IGNORED) --ignore=tests

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
