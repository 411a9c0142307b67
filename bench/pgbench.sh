#!/usr/bin/env bash
# The database's own insert/commit rate for a report-shaped row (issue 7, docs/PERFORMANCE-LOAD.md): pgbench with two
# custom scripts on a fresh bench_case table (bench/report-schema.sql, shaped and indexed like case_file) in the
# database citygrid_bench_bare, at each client count given (default 1 4 10; 10 = CityGrid's Hikari pool), SECONDS
# (default 20) each. One pgbench transaction = one report:
#   row  — bench/pgbench-report-row.sql: the case row alone, autocommit (what BareInsertApp writes);
#   rows — bench/pgbench-report-rows.sql: case row + timeline entry + stage clock + event-publication row in one
#          transaction (the least a CityGrid report writes).
# Usage: bench/pgbench.sh [clients ...]      env: SECONDS_PER_RUN (20), DB (citygrid_bench_bare)
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
cd "$(dirname "$0")/.."
clients=${*:-1 4 10}
db=${DB:-citygrid_bench_bare}
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
echo "machine: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "$(psql -h 127.0.0.1 -U postgres -Atc 'select version()' | cut -d' ' -f1-2), synchronous_commit" \
  "$(psql -h 127.0.0.1 -U postgres -Atc 'show synchronous_commit')"
echo "| script | clients | reports/s (tps) | latency avg ms | failed | load average after |"
echo "|---|---:|---:|---:|---:|---|"
for script in row rows; do
  for c in $clients; do
    psql -q -h 127.0.0.1 -U postgres -d "$db" -f bench/report-schema.sql > /dev/null
    out=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$c" -j "$(( c < 2 ? 1 : 2 ))" \
      -T "${SECONDS_PER_RUN:-20}" -f "bench/pgbench-report-$script.sql" "$db" 2>&1)
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<< "$out")
    lat=$(sed -n 's/^latency average = \([0-9.]*\).*/\1/p' <<< "$out")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<< "$out")
    echo "| $script | $c | ${tps:-?} | ${lat:-?} | ${failed:-0} | $(cut -d' ' -f1-3 /proc/loadavg) |"
    [ -n "$tps" ] || echo "$out" >&2
  done
done
