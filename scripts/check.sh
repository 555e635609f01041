#!/usr/bin/env bash
# Install newsgraph with its dev tools and run every check: ruff, mypy (strict), the tests.
# .ci/run calls exactly this.
source "$(dirname "$0")/venv.sh" "[dev]"

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy (strict)"
.venv/bin/mypy
echo "== pytest"
set +e
.venv/bin/pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing on purpose" >&2
  exit 1
fi
exit "$status"
