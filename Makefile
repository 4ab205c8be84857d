# pnt — `make demo` serves a demo region, `make test` runs the tests. Both set up .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PNT := $(BIN)/pnt
HOST ?= 127.0.0.1
PORT ?= 8000
ONLY ?=
PYTEST_ARGS ?=

.PHONY: demo test lint format bench load messages serve clean install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,semantic]"
	touch $(VENV)/.installed $@

# axe-core (npm) for the accessibility tests, reinstalled when package-lock.json changes.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test node_modules/.installed

# Compiled translation catalogues (.mo) are build output, not committed.
messages: $(VENV)/.installed
	cd src/pnt && ../../$(PNT) compilemessages --ignore=.venv -v0

demo: install messages
	PNT_STAFF_2FA=$${PNT_STAFF_2FA:-false} $(PNT) demo --host $(HOST) --port $(PORT)

serve: install messages
	$(PNT) serve --host $(HOST) --port $(PORT)

test: install-test messages
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: install-test
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

bench: install-test
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	ONLY="$(ONLY)" $(BIN)/python -m bench.run

# 100 simulated people for 2 minutes against gunicorn + PostgreSQL on loopback (bench/load).
# DATABASE_URL names the load database (default postgres://postgres@127.0.0.1:5432/pnt_load).
load: install
	$(BIN)/python -m pip install --quiet -e ".[load]"
	$(BIN)/python bench/load/run.py

clean:
	rm -rf $(VENV) var build src/*.egg-info
