#!/usr/bin/env bash
# Installs what the tests need from Debian's packages: Chromium (browser tests), PostgreSQL 15 (shared store),
# libxml2-utils (xmllint, BPMN schema checks), LibreOffice (docx/vsdx/xlsx to PDF checks), Node.js (bpmn-js and bpmnlint checks). Idempotent: does nothing when all are present.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v xmllint >/dev/null || need+=(libxml2-utils)
[ -x /usr/lib/libreoffice/program/swriter ] || need+=(libreoffice-writer)
[ -x /usr/lib/libreoffice/program/scalc ] || need+=(libreoffice-calc)
[ -x /usr/lib/libreoffice/program/sdraw ] || need+=(libreoffice-draw)
command -v npm >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${need[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q "${need[@]}" >&2; }
fi
