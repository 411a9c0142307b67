#!/usr/bin/env bash
# Mixed-workflow load (issue 7, docs/PERFORMANCE-LOAD.md): starts CityGrid on a fresh PostgreSQL database
# (citygrid_bench_loadmix, its public schema dropped first) with the demo data on port 8117, waits for the demo seeds
# and the SLA monitor's first pass over the demo history, then runs org.citygrid.bench.MixedLoad once per report
# rate given (default 20 40) for SECONDS_PER_RATE (default 60) after a WARMUP (default 20) each, on the same server,
# then (if INTAKE_RATES is set) the intake-only load.
# Usage: bench/mixed-load.sh [rate ...]
#   env: SECONDS_PER_RATE, WARMUP, READS (reads/s, default 20), WORKERS (sessions per role queue, 4),
#        HANDLERS (sessions per department, 2), KEEP_APP=1 to leave the app running, PORT (8117), DB,
#        JIT_WARMUP_SECONDS (90: the loop at 20 reports/s before the first rate, not counted; 0 = none),
#        HISTORY (demo history size, default 20000 as the demo; 0 = none, a quick start for a functional check),
#        INTAKE_RATES (e.g. "100 200 300": after the mixed runs, org.citygrid.bench.IntakeLoad, reports only, at these
#        rates on the same server, INTAKE_SECONDS each (default 30) — CityGrid's intake, for the bare-insert ratio)
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
cd "$(dirname "$0")/.."
rates=${*:-20 40}
port=${PORT:-8117}
db=${DB:-citygrid_bench_loadmix}
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
log=target/mixed-load-app.log
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
psql -q -h 127.0.0.1 -U postgres -d "$db" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public"
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
(CITYGRID_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PORT=$port setsid ./mvnw -B -ntp spring-boot:run -Dspring-boot.run.optimizedLaunch=false \
   -Dspring-boot.run.profiles=postgres,demo -Dspring-boot.run.arguments="--citygrid.demo.history.count=${HISTORY:-20000}" \
   > $log 2>&1 & echo $! > target/mixed-load-app.pid)
trap '[ "${KEEP_APP:-0}" = 1 ] || kill -- -"$(cat target/mixed-load-app.pid)" 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/login 2>/dev/null | grep -q 200; do sleep 1; done
# the demo seeds run in the background after start-up: wait for the history, the geography and the inventory, then
# for one pass of the SLA monitor after the history (its first pass over the history's overdue cases is a burst)
until [ "${HISTORY:-20000}" = 0 ] || grep -q 'Demo history (synthetic, from' $log; do sleep 2; done
until grep -q 'Demo geography of' $log && grep -q 'components of [0-9]* classes' $log; do sleep 2; done
if [ "${HISTORY:-20000}" != 0 ]; then
  history_line=$(grep -n 'Demo history (synthetic, from' $log | tail -1 | cut -d: -f1)
  until [ "$(grep -n 'SLA monitor:' $log | tail -1 | cut -d: -f1)" -gt "$history_line" ] 2>/dev/null; do sleep 2; done
fi
sleep 5
echo "machine: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the JIT's warm-up, not counted: C2 compiles the hot paths in the first minutes and, measured, took a third of the CPU
# of a cold run at 50 reports/s; a cold run near capacity builds a backlog it never drains
if [ "${JIT_WARMUP_SECONDS:-90}" != 0 ]; then
  echo "JIT warm-up: the loop at 20 reports/s for ${JIT_WARMUP_SECONDS:-90} s"
  "$java_bin" -cp "$cp" org.citygrid.bench.MixedLoad url=http://127.0.0.1:$port rate=20 reads="${READS:-20}" \
    seconds="${JIT_WARMUP_SECONDS:-90}" warmup=0 workers="${WORKERS:-4}" handlers="${HANDLERS:-2}" \
    | grep '^transitions' || true
fi
for rate in $rates; do
  "$java_bin" -cp "$cp" org.citygrid.bench.MixedLoad url=http://127.0.0.1:$port rate="$rate" \
    reads="${READS:-20}" seconds="${SECONDS_PER_RATE:-60}" warmup="${WARMUP:-20}" workers="${WORKERS:-4}" \
    handlers="${HANDLERS:-2}"
  echo "load average after rate $rate: $(cut -d' ' -f1-3 /proc/loadavg)"
done
# intake last: its top rates overload the server on purpose, and the requests its client gave up on stay queued in
# the server for a while (a mixed run after it would pay for them)
for rate in ${INTAKE_RATES:-}; do
  "$java_bin" -cp target/test-classes org.citygrid.bench.IntakeLoad url=http://127.0.0.1:$port rate="$rate" \
    seconds="${INTAKE_SECONDS:-30}" warmup=10 users=20
  echo "load average after intake rate $rate: $(cut -d' ' -f1-3 /proc/loadavg)"
done
