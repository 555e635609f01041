#!/usr/bin/env bash
# Install newsgraph with its dev tools and run every check: ruff, mypy (strict), the tests.
# .ci/run calls exactly this.
source "$(dirname "$0")/venv.sh" "[dev]"

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy (strict)"
.venv/bin/mypy
if [ ! -x /usr/bin/chromium ]; then
  # The browser tests drive Debian's chromium; a clean CI machine has to install it first.
  echo "== installing Debian's chromium for the browser tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
export NEWSGRAPH_REQUIRE_BROWSER=1  # here a missing browser fails the browser tests, never skips them
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
