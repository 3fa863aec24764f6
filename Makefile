# Support for SMEs portal. `make run` serves the site, `make test` checks it.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails, feeds and canonical addresses point here (portal.site).
SITE_URL ?= http://$(HOST):$(PORT)
MANAGE := $(BIN)/python manage.py
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends

.PHONY: run test test-fast screenshots audit bench eval messages translations lint format lock system-packages browser-packages bench-packages fuzz soak

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Each lock file is installed once, and again whenever it changes.
$(VENV)/.runtime-installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.test-installed: requirements-test.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.lock
	touch $@ $(VENV)/.runtime-installed

# Debian packages, installed when missing and we are root (CI and fresh machines).
system-packages:
	@command -v msgfmt >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && $(APT_INSTALL) gettext; } \
		|| { echo "Please install gettext (msgfmt)."; exit 1; }

browser-packages: system-packages
	@command -v /usr/bin/chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && $(APT_INSTALL) chromium fonts-noto-cjk; } \
		|| { echo "Please install Debian's chromium for the browser tests."; exit 1; }
	@command -v java >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && $(APT_INSTALL) default-jre-headless; } \
		|| { echo "Please install Java (default-jre-headless) for the Nu HTML Checker."; exit 1; }
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && $(APT_INSTALL) nodejs npm; } \
		|| { echo "Please install Node.js and npm for pa11y."; exit 1; }

# pa11y (npm) for the browser tests, which drives Debian's chromium, so puppeteer downloads
# none; stylelint for make lint.
node_modules/.package-lock.json: package-lock.json | browser-packages
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# Compiled message catalogues and the stylesheet (joined from static/css/parts/) are build
# output, rebuilt on every run and test.
messages: $(VENV)/.runtime-installed system-packages
	$(MANAGE) compilemessages --ignore=$(VENV) --ignore=node_modules --verbosity 0
	$(MANAGE) bundle_css

# After changing interface strings: update the catalogues, then translate the new entries.
# No source locations, so that parallel changes to the catalogue merge cleanly.
MAKEMESSAGES := $(MANAGE) makemessages -l zh_Hant --no-location --ignore=$(VENV) --ignore=node_modules --ignore=var
translations: $(VENV)/.runtime-installed system-packages
	$(MAKEMESSAGES)
	$(MAKEMESSAGES) -d djangojs

# SCALE=10 grows the seed to a big department's site (200 schemes, 2,000 events…) to look at.
run: messages
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_seed
	$(if $(SCALE),$(MANAGE) seed_grow --factor $(SCALE))
	SITE_URL=$(SITE_URL) $(MANAGE) runserver $(HOST):$(PORT)

# stylelint fails on a stylesheet that does not parse (an unclosed rule swallows the rest).
STYLESHEETS := "static/css/parts/*.css" "static/css/print.css" "portal/static/portal/admin/*.css"
lint: $(VENV)/.test-installed node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	npx --no-install stylelint $(STYLESHEETS)

format: $(VENV)/.test-installed node_modules/.package-lock.json
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates
	npx --no-install stylelint --fix $(STYLESHEETS)

test: $(VENV)/.test-installed browser-packages node_modules/.package-lock.json messages lint
	$(BIN)/pytest

# The suite without the browser, e.g. for the second CI pass on SQLite.
test-fast: $(VENV)/.test-installed messages
	$(BIN)/pytest --ignore=tests/browser

# Every page type in en, tc and sc at 375 and 1280 px, as PNGs in var/screenshots/, with
# first-screen.txt (where the h1, the first content and the finder's count start at 375 px).
screenshots: $(VENV)/.test-installed browser-packages messages
	rm -rf var/screenshots && mkdir -p var/screenshots
	SCREENSHOT_DIR=var/screenshots $(BIN)/pytest tests/browser/test_crawl.py -q -k first_screen

# Lighthouse (npm, pinned) on every page type in en, tc and sc, phone and desktop: prints the
# table of scores and fails below the targets (tests/audit.py). AUDIT_PAGES=finder,scheme
# AUDIT_LANGUAGES=en narrow it.
audit: $(VENV)/.test-installed browser-packages node_modules/.package-lock.json messages
	$(BIN)/python -m tests.audit

# wrk, the load generator `make bench` drives.
bench-packages:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && $(APT_INSTALL) wrk; } \
		|| { echo "Please install wrk for make bench."; exit 1; }

# The page benchmark (tests/bench.py), then any other benchmark module listed here; the scale
# pass (tests/bench_scale.py) compares the seed with it grown BENCH_SCALE_FACTORS ("10 50") times.
BENCH_MODULES := tests.bench $(if $(wildcard tests/bench_assistant.py),tests.bench_assistant) tests.bench_scale
bench: $(VENV)/.test-installed messages bench-packages
	@for module in $(BENCH_MODULES); do $(BIN)/python -m $$module || exit 1; done

# The assistant's accuracy on tests/assistant/eval_questions.py, per language, with the misses.
eval: $(VENV)/.test-installed messages
	$(BIN)/python -m tests.assistant.evaluate

# Hardening (issue 17): gunicorn with its own PostgreSQL and Redis (needs both installed).
# FUZZ_REQUESTS (10000); SOAK_SECONDS (300), SOAK_RATE (20 requests/s).
fuzz: $(VENV)/.test-installed messages
	$(BIN)/python -m tests.fuzz

soak: $(VENV)/.test-installed messages
	$(BIN)/python -m tests.soak

# Regenerate the lock files after editing pyproject.toml.
lock: | $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -o requirements-test.lock
