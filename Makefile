# steppe: `make run` serves the demo newsroom, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 2
export DJANGO_SETTINGS_MODULE := steppe.settings
export STEPPE_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run serve test lint bench install install-dev clean-test audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# requirements.lock: what the site needs to run (production installs only this);
# requirements-dev.lock: the same pins plus the test and benchmark tools.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# The whole newsroom: the web server, the task worker and the scheduler (deploy/supervisord.conf)
# in the foreground; one Ctrl-C or SIGTERM stops all three. The demo site speaks four languages.
run: export STEPPE_VAR_DIR ?= $(CURDIR)/var
run: export STEPPE_LANGUAGES ?= en,ru,kk,uz
run: export HOST := $(HOST)
run: export PORT := $(PORT)
run: export WORKERS := $(WORKERS)
run: install
	mkdir -p $(STEPPE_VAR_DIR)
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo --quiet-if-loaded
	$(BIN)/python manage.py set_site_address
	$(BIN)/python manage.py rebuild_suggestions --missing -v0
	$(BIN)/python manage.py fx_load_recorded
	$(BIN)/python manage.py collectstatic --noinput -v0
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/$${STEPPE_ADMIN_PATH:-admin}/"
	@$(BIN)/python manage.py load_demo --quiet-if-loaded | sed 's/^/  /'
	@echo "  Running: web, worker, scheduler (Ctrl-C stops all three)"
	@echo ""
	PATH="$(CURDIR)/$(BIN):$$PATH" exec $(BIN)/supervisord -c deploy/supervisord.conf

# Tests keep their database, cache and media apart from the demo's.
TEST_VAR ?= $(CURDIR)/var/test
test: install-dev node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	rm -rf $(TEST_VAR) && mkdir -p $(TEST_VAR)
	STEPPE_VAR_DIR=$(TEST_VAR) STEPPE_AUDIT_PERFORMANCE=0 $(BIN)/python -m pytest --junitxml=$(TEST_VAR)/junit.xml --durations=30 $(PYTEST_ARGS)

# Lighthouse and axe-core, pinned by package-lock.json (no install scripts: nothing downloaded
# but the packages; Lighthouse drives Debian's chromium through CHROME_PATH).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse (mobile) and axe on every page type, the article's weight, lite/dark/print/320 px.
audit: install-dev node_modules/.installed
	rm -rf $(TEST_VAR)/audit && mkdir -p $(TEST_VAR)/audit
	STEPPE_VAR_DIR=$(TEST_VAR)/audit $(BIN)/python -m pytest tests/audit tests/lite -p no:logging -s $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install-dev
	$(BIN)/python -m bench $(BENCH_ARGS)
