#!/usr/bin/env bash
# Installs what the tests need from Debian's packages: Chromium (browser tests), PostgreSQL 15 (shared store),
# libxml2-utils (xmllint, BPMN schema checks), Node.js and npm (bpmn-js, bpmnlint, the editor bundle) and
# LibreOffice Writer, Calc and Draw (docx/xlsx/vsdx open-and-convert checks). Idempotent: does nothing when all are present.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
install() {
  echo "installing $*..." >&2
  apt-get install -y -q "$@" >&2 || { apt-get update -q >&2 && apt-get install -y -q "$@" >&2; }
}
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v npm >/dev/null || need+=(nodejs npm)
[ ${#need[@]} -eq 0 ] || install "${need[@]}"
# LibreOffice without its recommends (Java, help, extra fonts): headless conversion needs none of them.
office=()
[ -x /usr/lib/libreoffice/program/swriter ] || office+=(libreoffice-writer)
[ -x /usr/lib/libreoffice/program/scalc ] || office+=(libreoffice-calc)
[ -x /usr/lib/libreoffice/program/sdraw ] || office+=(libreoffice-draw)
[ ${#office[@]} -eq 0 ] || install --no-install-recommends "${office[@]}"
