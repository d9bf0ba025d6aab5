# Two entry points for a fresh machine: `make simulate` (talk to the skill) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install simulate test lint clean

$(BIN)/neck-twitch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/neck-twitch

simulate: install
	$(BIN)/neck-twitch simulate

test: install
	$(BIN)/ruff check skill tests lambda benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
