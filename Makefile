# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install install-dev chromium lint check-data check-requirements messages load-test scale-test bench mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the requirements change.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/streamlit run app.py --server.port $(PORT)

# The browser tests need a Chromium: the system one (apt-get as root), else Playwright's own. The
# choice is written down for `make test`, which passes it to the tests; no browser is an error.
chromium: install-dev
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else $(BIN)/playwright install chromium || { echo "No Chromium: not root, and 'playwright install chromium' failed." >&2; exit 1; }; fi
	@if [ -x "$(CHROMIUM)" ]; then echo "$(CHROMIUM)"; else CHROMIUM_PATH= $(BIN)/python -c \
		"from benchmarks.browser import chromium_path; print(chromium_path() or '')"; fi > $(VENV)/chromium-path
	@test -s $(VENV)/chromium-path || { echo "No Chromium found after installing one." >&2; exit 1; }
	@echo "Chromium: $$(cat $(VENV)/chromium-path)"

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-data: install
	$(BIN)/python -m components.check_data

# The interface's words: collect every _("…") into locales/messages.pot, then add the new ones to
# each language's catalogue (locales/<code>/LC_MESSAGES/messages.po) for its translator.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 --no-location --no-wrap --sort-output --omit-header -o locales/messages.pot . >/dev/null
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-wrap --no-fuzzy-matching --ignore-obsolete

# requirements.txt alone, in a fresh virtual environment, must run the app (what Community Cloud does).
check-requirements:
	rm -rf .venv-runtime-check
	$(PYTHON) -m venv .venv-runtime-check
	.venv-runtime-check/bin/pip install --quiet -r requirements.txt
	.venv-runtime-check/bin/python scripts/smoke_run.py
	rm -rf .venv-runtime-check

test: install-dev chromium lint check-data check-requirements
	CHROMIUM_PATH="$$(cat $(VENV)/chromium-path)" BROWSER_TESTS=required $(BIN)/python -m pytest

# 30 concurrent browser sessions against one server (slow: several minutes on 2 cores).
load-test: install-dev chromium
	CHROMIUM_PATH="$$(cat $(VENV)/chromium-path)" $(BIN)/python benchmarks/load_test.py --sessions 30

# 60 concurrent browser sessions through HAProxy (deploy/haproxy.cfg's settings) to three replicas, one
# killed mid-run, after the same sessions against one replica. Slow: about 12 minutes on 2 cores; stopped
# and failed after 20. HAProxy comes from apt-get when missing (as root); the replicas run with
# requirements.txt alone, as in the image (deploy/Dockerfile).
scale-test: install-dev chromium .venv-bench/.installed
	@command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; \
	else echo "make scale-test needs HAProxy: apt-get install haproxy (as root), or put haproxy on PATH." >&2; exit 1; fi
	CHROMIUM_PATH="$$(cat $(VENV)/chromium-path)" $(BIN)/python benchmarks/scale_test.py --sessions 60 --server-python .venv-bench/bin/python

# The benchmark's servers run with requirements.txt alone, as on Community Cloud (the dev tools,
# e.g. hypothesis, would otherwise be imported by pandera and slow the app's cold start).
.venv-bench/.installed: requirements.txt
	rm -rf .venv-bench
	$(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install --quiet -r requirements.txt
	touch $@

# Speed and memory against a bare floor app; prints the table the README shows.
bench: install-dev chromium .venv-bench/.installed
	CHROMIUM_PATH="$$(cat $(VENV)/chromium-path)" $(BIN)/python benchmarks/bench.py --runs 5 --server-python .venv-bench/bin/python

# Mutants of fit, situation, self-check, questions, triage and readiness against their fast unit tests
# (pyproject.toml [tool.mutmut]); then the score per module, checked (scripts/mutation_score.py).
# About 20 minutes on 2 cores; not part of `make test`. A fixed Hypothesis seed keeps runs comparable.
mutation: install-dev
	rm -rf mutants
	HYPOTHESIS_SEED=20261127 $(BIN)/mutmut run --max-children 2
	$(BIN)/python scripts/mutation_score.py

clean:
	rm -rf $(VENV) .venv-bench .pytest_cache .ruff_cache mutants
