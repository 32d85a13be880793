#!/usr/bin/env bash
# Runs plumb log stats / discover / conform / kpi on the XES and ServiceNow JSON logs of tests/data/event-logs and on XES and
# ServiceNow JSON logs generated from the baseline handbook, writing every output into OUT. With a third argument (the OUT of
# another build) it compares each output with cmp and exits 1 on the first difference.
#   bench/scripts/compare-log-outputs.sh PLUMB.DLL OUT [BEFORE-OUT]
set -euo pipefail
plumb=$1 out=$2 before=${3:-}
repo=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
# The inputs are shared by the runs compared (the error outputs name their paths).
work=${PLUMB_COMPARE_INPUTS:-/tmp/plumb-compare-inputs}
mkdir -p "$work"
run() { local name=$1; shift; dotnet "$plumb" "$@" >"$out/$name.out" 2>"$out/$name.err" && echo 0 >"$out/$name.rc" || echo $? >"$out/$name.rc"; }

[ -d "$work/handbook" ] || dotnet "$plumb" init "$work/handbook" --baseline all >/dev/null 2>&1
logs=("$repo/tests/data/event-logs/running-example.xes" "$repo/tests/data/event-logs/helpdesk.xes.gz")
for process in incident problem change service-request; do
  for format in xes snow-json; do
    ext=${format/snow-/}
    file=$work/$process.$ext
    [ -f "$file" ] || dotnet "$plumb" generate log --handbook "$work/handbook" --process "$process" --cases 1500 --seed 7 --log-format "$format" -o "$file" 2>/dev/null
    logs+=("$file")
  done
done
[ -f "$work/incident.json.gz" ] || gzip -k "$work/incident.json"
logs+=("$work/incident.json.gz")
# The Table API record of tests/data/servicenow (one incident, no audit rows: events from its dates).
logs+=("$repo/tests/data/servicenow/records/incident_INC0010042.json")

for log in "${logs[@]}"; do
  base=$(basename "$log")
  run "$base.stats.text" log stats "$log"
  run "$base.stats.json" log stats "$log" --format json
  run "$base.discover.json" discover --log "$log" --format json
  for process in incident problem; do
    run "$base.conform.$process.json" conform --log "$log" --handbook "$work/handbook" --process "$process" --format json
    run "$base.kpi.$process.json" kpi --log "$log" --handbook "$work/handbook" --process "$process" --format json
  done
done

if [ -n "$before" ]; then
  status=0 count=0
  for f in "$before"/*.out "$before"/*.err "$before"/*.rc; do
    count=$((count + 1))
    cmp -s "$f" "$out/$(basename "$f")" || { echo "differs: $(basename "$f")"; status=1; }
  done
  echo "$count outputs compared with $before: $([ $status = 0 ] && echo 'all the same' || echo 'DIFFERENCES')"
  exit $status
fi
