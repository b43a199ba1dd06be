# Every target creates .venv on first use: only Python 3.11+ and make are assumed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench fuzz clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "seofr needs Python 3.11 or newer (set PYTHON=python3.11)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	-$(BIN)/seofr check examples/

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check seofr rules tests benchmarks
	$(BIN)/ruff format --check seofr rules tests benchmarks
	$(BIN)/mypy
	PYTHONPATH=rules $(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m benchmarks

# The property tests with a large budget (SEOFR_FUZZ_EXAMPLES per test, default 4000).
fuzz: $(STAMP)
	SEOFR_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_robustness.py \
		-m property -p no:cacheprovider --hypothesis-show-statistics -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .seofr_cache
