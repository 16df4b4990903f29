#!/usr/bin/env bash
# Refresh requirements.lock: resolve pyproject.toml's ranges (the app and its
# test extras) in a throwaway virtual environment and record the exact version
# of every package pip chose. Installs then use it as a constraints file:
#   python -m pip install -c requirements.lock '.[test]'
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install -q --disable-pip-version-check '.[test]'
{
    echo "# Exact versions of every runtime and test dependency, made by"
    echo "# scripts/lock_dependencies.sh from pyproject.toml's ranges. Do not edit by hand."
    "$scratch/venv/bin/python" -m pip freeze --disable-pip-version-check | grep -v '^stretchapp' | sort -f
} > requirements.lock
echo "requirements.lock: $(grep -vc '^#' requirements.lock) packages pinned"
