# Two commands on a fresh machine with Python 3.11+:
#   make run    creates .venv, installs requirements.txt, starts the app at http://localhost:8501
#   make test   installs the dev requirements, then runs every check (lint, format, types, all tests)
#   make test-fast   the same without the browser tests, for the inner loop
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-fast lint check-python clean district soak

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app's whole dependency tree, pinned with hashes (requirements.lock, made from
# requirements.txt by pip-compile --generate-hashes; a test keeps the two in step).
$(VENV)/.run: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.dev: $(VENV)/.run requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.run
	$(BIN)/python -m streamlit run app.py --server.port $(PORT)

# Three warm replicas on loopback behind the system's HAProxy (apt-get install haproxy),
# with deploy/haproxy.cfg: http://127.0.0.1:8080
district: $(VENV)/.dev
	$(BIN)/python -m graph.district --port 8080

# 30 minutes of 8 sessions through the balancer, each replica's memory every 5 minutes.
soak: $(VENV)/.dev
	$(BIN)/python scripts/loadtest.py --district --sessions 8 --seconds 1800 --arrival 2

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -n 2 --dist worksteal

# The inner loop: the same checks without the tests marked `browser` (Chromium, servers, HAProxy).
test-fast: lint
	$(BIN)/python -m pytest -n 2 --dist worksteal -m "not browser"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
