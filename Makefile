# factcheck: `make run` serves the demo desk, `make test` runs the whole suite.
# pyenv reads .python-version, so python3 here is Python 3.13.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATABASE_URL ?= postgres:///factcheck
BENCH_DATABASE_URL ?= postgres:///factcheck_bench
# axe-core, from the npm registry: the accessibility tests inject it into every page.
AXE_CORE_VERSION := 4.11.4
AXE_CORE := $(VENV)/npm/node_modules/axe-core/axe.min.js
export DATABASE_URL

.PHONY: install run test lint format bench evaluate clean

install: $(VENV)/.installed $(AXE_CORE)

$(AXE_CORE): Makefile
	npm install --prefix $(VENV)/npm --no-save --no-audit --no-fund --silent axe-core@$(AXE_CORE_VERSION)
	@touch $@

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	  print('\n'.join(p['dependencies'] + p['optional-dependencies']['dev'] \
	  + p['optional-dependencies']['server']))" > $(VENV)/requirements.txt
	$(BIN)/python -m pip install -q -r $(VENV)/requirements.txt
	@touch $@

run: install
	$(BIN)/python manage.py ensure_database
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@if [ "$${DEBUG:-true}" = "false" ]; then $(BIN)/python manage.py collectstatic --noinput -v0; fi
	@echo
	@echo "  factcheck is running at http://127.0.0.1:8000  (sign in with a demo login above)"
	@echo "  with a background worker for imports and exports (restart after changing its code)"
	@echo
	@# The worker lives and dies with the web server: Ctrl-C (or any exit) stops both. A second
	@# signal cuts a running job short; the next start resumes it (`resume_jobs`).
	$(BIN)/python manage.py db_worker --no-reload --interval 0.5 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; sleep 1; kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/python manage.py resume_jobs; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check --output-format concise factcheck tests
	$(BIN)/ruff format --check factcheck tests

format: install
	$(BIN)/ruff check --fix factcheck tests
	$(BIN)/ruff format factcheck tests

test: lint
	$(BIN)/python manage.py ensure_database
	$(BIN)/python -m pytest -q

bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py ensure_database
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench $(AREAS)

# The gold corpus lives outside the repository; CORPUS=... points elsewhere, VERBOSE=1 lists the
# errors of the TUNE articles (never of the CHECK ones).
CORPUS ?= ../shared/corpus
evaluate: install
	$(BIN)/python manage.py extract --evaluate $(CORPUS) $(if $(VERBOSE),--verbose)

clean:
	rm -rf $(VENV) staticfiles artifacts .pytest_cache .ruff_cache
