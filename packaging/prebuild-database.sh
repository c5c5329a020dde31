#!/usr/bin/env bash
# Build the bundled data into resources/prebuilt/ (velsen-desk.sqlite + bundle.json), so a first
# start copies a verified file instead of parsing and building. Run after changing anything in
# resources/data or resources/sources, or the database schema; tests/test_prebuilt.py fails
# while the shipped file is stale. Commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
"${PYTHON:-.venv/bin/python}" -m velsen_desk.storage.prebuilt
