# steppe: `make run` serves the demo newsroom, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 2
export DJANGO_SETTINGS_MODULE := steppe.settings
export STEPPE_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run serve test lint bench install clean-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo --quiet-if-loaded
	$(BIN)/python manage.py fx_load_recorded
	$(BIN)/python manage.py collectstatic --noinput -v0
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/$${STEPPE_ADMIN_PATH:-admin}/"
	@$(BIN)/python manage.py load_demo --quiet-if-loaded | sed 's/^/  /'
	@echo ""
	$(BIN)/granian --interface wsgi --host $(HOST) --port $(PORT) --workers $(WORKERS) \
		--no-ws --log-level warning steppe.wsgi:application

# Tests keep their database, cache and media apart from the demo's.
TEST_VAR := $(CURDIR)/var/test
test: install
	$(BIN)/ruff check .
	rm -rf $(TEST_VAR) && mkdir -p $(TEST_VAR)
	STEPPE_VAR_DIR=$(TEST_VAR) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)
