# `make run` and `make test` each do all set-up first (a no-op when nothing changed).
.PHONY: setup run test lint format

setup:
	bash scripts/setup.sh

run: setup
	.venv/bin/rag serve --corpus corpus

test:
	bash scripts/setup.sh --browser
	.venv/bin/python -m pytest

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy rag ui

format: setup
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .
