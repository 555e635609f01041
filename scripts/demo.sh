#!/usr/bin/env bash
# Set up a virtual environment, install newsgraph, and analyse the bundled example article.
source "$(dirname "$0")/venv.sh" ""
exec .venv/bin/newsgraph analyze examples/asapov_deir_ez_zor.txt "$@"
