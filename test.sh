#!/usr/bin/env bash
# Runs every test: installs what the tests need, starts a throwaway PostgreSQL cluster, runs the suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-test-deps.sh
eval "$(scripts/pg-start.sh)"
trap 'scripts/pg-stop.sh' EXIT
dotnet build Plumb.slnx -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet test Plumb.slnx -c Release --no-build --nologo "$@"
