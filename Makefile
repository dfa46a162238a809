# Etalase IKM. `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The public address in emails, the demo's Site record and the printed login URL.
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: help run test lint format install browser messages check clean bench-search bench bench-print soak audit eval-search

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,dev]"
	touch $(STAMP)

install: $(STAMP) ## Create the virtual environment and install the project with test and dev extras

messages: $(STAMP) ## Compile the translation catalogues (installs gettext when missing)
	@scripts/install-system-packages.sh msgfmt
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser: node_modules/.installed ## Install Chromium, Java (apt) and the Nu HTML checker (npm)
	@scripts/install-system-packages.sh

run: export SITE_URL := $(SITE_URL)
run: install messages ## Set up, migrate, load the demo when empty, serve http://HOST:PORT with a task worker
	$(PY) manage.py migrate --no-input
	$(PY) manage.py setup_roles
	$(PY) manage.py load_demo_catalog --if-empty
	$(PY) manage.py load_demo_showroom --if-empty
	$(PY) manage.py load_demo_sourcing --if-empty
	HOST=$(HOST) PORT=$(PORT) $(PY) scripts/run_site.py

test: install messages browser ## Set up and run the whole test suite (unit, integration, browser)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install ## ruff, djhtml, bandit (no medium/high finding) and pip-audit (no fixable vulnerability)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/bandit -c pyproject.toml -r . --severity-level medium --quiet
	$(PY) scripts/audit_dependencies.py

format: install ## Apply ruff format, ruff's fixes and djhtml
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check: install ## Django system checks and the missing-migrations check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean: ## Remove the virtual environment, node_modules and caches (not the database)
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache .audit

BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/bench.sqlite3

bench-search: install ## Search p50/p95 and SQL per search on a 10,000-product catalog (database + osmem)
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} $(PY) manage.py migrate --no-input -v 0
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} $(PY) manage.py bench_search --osmem --json bench-search.json

EVAL_PYTEST := $(BIN)/pytest tests/search/test_relevance.py -q -s -p no:cacheprovider -k engine_relevance

eval-search: install ## Search relevance (nDCG@10, recall@10) per engine and query kind; eval-search.json
	@rm -f eval-search.json
	@# SQLite (the database engine) and osmem Elasticsearch; then PostgreSQL's database engine
	@# when DATABASE_URL or EVAL_POSTGRES_URL names a PostgreSQL server.
	@status=0; \
	env -u DATABASE_URL EVAL_SEARCH_JSON=$(CURDIR)/eval-search.json $(EVAL_PYTEST) || status=1; \
	pg="$${EVAL_POSTGRES_URL:-$${DATABASE_URL:-}}"; \
	case "$$pg" in postgres*) \
		DATABASE_URL="$$pg" EVAL_SEARCH_JSON=$(CURDIR)/eval-search.json $(EVAL_PYTEST) -k database \
			|| status=1;; \
	*) echo "PostgreSQL skipped: set EVAL_POSTGRES_URL=postgres://... (or DATABASE_URL)";; \
	esac; \
	exit $$status

audit: install messages browser ## Lighthouse (mobile) on home, catalog, product, search: fails below 95
	$(PY) scripts/lighthouse_audit.py

bench: install ## Public pages under load (gunicorn, concurrency 8), cache off/on, vs a bare view; bench.json
	@scripts/install-system-packages.sh wrk || echo "wrk not installed: the Python load client is used"
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} $(PY) scripts/bench.py --json bench.json
	@# Cost at 10,000 and 50,000 products (database engine, caches off); BENCH_SCALE=0 skips it.
	[ "$${BENCH_SCALE:-1}" = 0 ] || $(PY) scripts/bench_scale.py --json bench-scale.json
	@# CPU per uncached request against bakerydemo, when PERF_ROOT holds its setup (HOWTO).
	[ -z "$${PERF_ROOT:-}" ] || DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} $(PY) scripts/bench_cpu.py --json bench-cpu.json
	$(PY) scripts/bench_print.py --json bench-print.json

bench-print: install messages ## A fair's printed catalog: 200 products with photos to PDF; seconds and size; bench-print.json
	$(PY) scripts/bench_print.py --json bench-print.json

SOAK_TIME ?= 5m
SOAK_USERS ?= 50
SOAK_FAULTS ?= 0

soak: install ## Locust: 50 buyers and owners for SOAK_TIME (5m); no 5xx, no lost inquiry or email (SOAK_FAULTS=1: cut SMTP, Redis, ES)
	$(BIN)/pip install --quiet -e ".[load]"
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} SOAK_TIME=$(SOAK_TIME) SOAK_USERS=$(SOAK_USERS) SOAK_FAULTS=$(SOAK_FAULTS) $(PY) scripts/soak.py
