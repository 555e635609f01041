# Sourced by demo.sh and check.sh: create .venv (Python 3.11) if missing and install newsgraph
# into it, with the extras named in $1 (e.g. "[dev]").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -qq --upgrade pip
.venv/bin/python -m pip install -qq -e ".${1:-}"
