# Two entry points for a fresh machine: `make simulate` (talk to the skill) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install simulate test test-long test-office test-peer lint clean screens screen-tools

$(BIN)/neck-twitch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/neck-twitch

simulate: install
	$(BIN)/neck-twitch simulate

# The default suite: tests marked `long` (the desk-voice accuracy reports, the household load
# test, other long runs) are left out; `make test-long` runs exactly those. CI runs both.
# Both spread the tests over every core (pytest-xdist's `-n auto`): CI's machine has two.
test: install
	$(BIN)/ruff check skill tests lambda benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -n auto

# Whole files per worker (`--dist loadfile`): the tuned-voice accuracy report is one module
# fixture, built by every worker that runs one of its tests (about 16 minutes of CPU each).
test-long: install
	$(BIN)/pytest -n auto --dist loadfile -m "long and not office and not peer"

# The desk voice's office report (four synthesizers, babble at 20 and 10 dB, held-out voices),
# the accuracy report on held-out voices and phrasings (tests/voice/test_accuracy.py) and the
# whole spoken checks at every noise level (tests/voice/test_conversations.py; OFFICE in
# tests/conftest.py):
# about 30 minutes on two cores, so by hand, not in CI.
test-office: install
	$(BIN)/pytest --long -m office

# The people corpus through Bespoken's virtual-alexa against the web service (needs
# `npm ci --prefix tests/nlu/node`); see tests/nlu/test_virtual_alexa.py.
test-peer: install
	$(BIN)/pytest --long -m peer -s

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

# The screen tests' Node tools (apl-suggester, apl-viewhost-web, puppeteer-core), pinned by the
# lock file; they also need Debian's chromium (see .ci/run).
screen-tools:
	cd tests/apl/node && npm ci --no-audit --no-fund

# The README's screen pictures, drawn by the simulator from a scripted check.
screens: install
	$(BIN)/neck-twitch simulate --device show --screens docs/images/screens --script tests/apl/dialogs/screens.yaml

