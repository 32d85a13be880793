#!/usr/bin/env bash
# Runs every test: installs what the tests need, starts a throwaway PostgreSQL cluster, runs the suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-test-deps.sh
# The tools are installed now: a test that cannot find one fails instead of skipping.
export PLUMB_REQUIRE_TOOLS=1
eval "$(scripts/pg-start.sh)"
trap 'scripts/pg-stop.sh' EXIT
dotnet build Plumb.slnx -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet test Plumb.slnx -c Release --no-build --nologo "$@"
