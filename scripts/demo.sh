#!/usr/bin/env bash
# Set up a virtual environment, install newsgraph, and analyse the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -qq --upgrade pip
.venv/bin/python -m pip install -qq -e .
exec .venv/bin/newsgraph analyze examples/asapov_deir_ez_zor.txt "$@"
