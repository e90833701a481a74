# Two commands on a fresh machine with Python 3.11+:
#   make run   -> virtualenv, migrate SQLite, load the speaker directory, ingest seeds/, serve on :8000
#   make test  -> virtualenv, lint, the whole test suite (SQLite, and PostgreSQL via TEST_POSTGRES_URL)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: bootstrap run test lint bench client-types

bootstrap: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: bootstrap
	$(BIN)/ontherecord setup --seeds seeds
	$(BIN)/ontherecord serve --host 0.0.0.0 --port 8000

lint: bootstrap
	$(BIN)/ruff check app tests migrations benchmarks
	$(BIN)/ruff format --check app tests benchmarks
	$(BIN)/mypy app

test: bootstrap lint
	$(BIN)/python -m pytest

bench: bootstrap
	$(BIN)/python benchmarks/news_throughput.py

# Regenerate the TypeScript client's committed types from the app's OpenAPI document.
client-types: bootstrap
	$(BIN)/python -c "import json; from app.main import create_app; from app.settings import Settings; print(json.dumps(create_app(Settings(database_url='sqlite://')).openapi()))" > clients/typescript/openapi.json
	cd clients/typescript && npm ci --no-audit --no-fund && OPENAPI_URL=openapi.json npm run generate; rm -f openapi.json
