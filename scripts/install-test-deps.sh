#!/usr/bin/env bash
# Installs what the tests need from Debian's packages: Chromium (browser tests), PostgreSQL 15 (shared store),
# libxml2-utils (xmllint, BPMN schema checks), LibreOffice Writer and Calc (docx/xlsx open-and-convert checks).
# Idempotent: does nothing when all are present.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v xmllint >/dev/null || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${need[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q "${need[@]}" >&2; }
fi
# LibreOffice without its recommends (Java, help, extra fonts): headless conversion needs none of them.
office=()
[ -x /usr/lib/libreoffice/program/swriter ] || office+=(libreoffice-writer)
[ -x /usr/lib/libreoffice/program/scalc ] || office+=(libreoffice-calc)
if [ ${#office[@]} -gt 0 ]; then
  echo "installing ${office[*]}..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${office[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${office[@]}" >&2; }
fi
