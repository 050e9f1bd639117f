#!/usr/bin/env bash
# Fresh machine -> Accord installed in .venv/ -> the bundled sample ingested into accord.duckdb -> shown.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
.venv/bin/accord ingest samples/ --db accord.duckdb
.venv/bin/accord events --db accord.duckdb --limit 25
echo
echo "The reference article with its evidence marked: .venv/bin/accord article 000_5d68f7ddc8901266 --db accord.duckdb"
