# talkwatch: two commands on a fresh machine.
#   make run    set up, ingest the bundled example articles, print the merged record
#   make test   run the test suite
#   make eval   score extraction on the synthetic dev set and, when ../shared is present,
#               on the real news sets (news-dev, news-dev-processes), per fact kind
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= out/examples.db
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
# Real news sets, read in place beside the repo; $(wildcard) drops them when absent.
REAL   := $(wildcard $(SHARED)/data/news-dev $(SHARED)/data/news-dev-processes)

.PHONY: run setup test eval lint bench clean

run: $(STAMP)
	@mkdir -p $(dir $(DB))
	$(BIN)/talkwatch ingest examples --db $(DB)
	$(BIN)/talkwatch meetings --db $(DB)
	$(BIN)/talkwatch meeting "$$($(BIN)/talkwatch meetings --db $(DB) --format json | $(BIN)/python -c 'import json,sys; print(max(json.load(sys.stdin), key=lambda m: m["n_documents"])["id"])')" --db $(DB)

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[all]"
	@touch $(STAMP)

test: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/talkwatch evaluate tests/eval/dev $(REAL)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/store.py

clean:
	rm -rf out .pytest_cache
