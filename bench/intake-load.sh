#!/usr/bin/env bash
# Intake load test (issue 5/7, docs/PERFORMANCE.md "Report intake over HTTP"): starts CityGrid on PostgreSQL with the
# demo data on port 8107 (database citygrid_load, created if missing), waits until it serves and the demo seeds are
# done, then runs org.citygrid.bench.IntakeLoad at each rate given (default 100 200 500) for SECONDS (default 60).
# Usage: bench/intake-load.sh [rate ...]      env: SECONDS_PER_RATE, USERS (20), KEEP_APP=1 to leave the app running,
#   REUSE_DB=1 to keep the database of the last run, JIT_WARMUP_SECONDS (60) at 100/s before the first rate,
#   APP_JVM_ARGS (e.g. -XX:StartFlightRecording=filename=target/intake.jfr) for the application's JVM, CPU=1 to print
#   the processor time per stored report of the application, PostgreSQL and the client at each rate (bench/cpu.sh).
# The application runs with C2 (optimizedLaunch=false), as `java -jar` runs it: spring-boot:run otherwise passes
# -XX:TieredStopAtLevel=1, which starts faster but caps the service far lower (docs/PERFORMANCE.md, "Report intake").
set -euo pipefail
cd "$(dirname "$0")/.."
rates=${*:-100 200 500}
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
# a fresh database each run (REUSE_DB=1 keeps it): the reports of earlier runs, all open and in the same few square
# kilometres, would make every later run's duplicate search and indexes bigger than the one before
if [ "${REUSE_DB:-0}" != 1 ]; then psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS citygrid_load"; fi
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='citygrid_load'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE citygrid_load"
./mvnw -q -B -ntp test-compile
(CITYGRID_DB_URL=jdbc:postgresql://127.0.0.1:5432/citygrid_load PORT=8107 setsid ./mvnw -B -ntp spring-boot:run -Dspring-boot.run.optimizedLaunch=false \
   -Dspring-boot.run.profiles=postgres,demo ${APP_JVM_ARGS:+"-Dspring-boot.run.jvmArguments=$APP_JVM_ARGS"} > target/intake-load-app.log 2>&1 & echo $! > target/intake-load-app.pid)
trap '[ "${KEEP_APP:-0}" = 1 ] || kill -- -"$(cat target/intake-load-app.pid)" 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8107/login 2>/dev/null | grep -q 200; do sleep 1; done
# the demo seeds run in the background after start-up: wait for the history, and for the inventory if it is seeding
until grep -q 'Demo history (synthetic, from\|Demo history (synthetic): already' target/intake-load-app.log; do sleep 2; done
while grep -q 'Demo inventory (synthetic): [0-9]* of' target/intake-load-app.log \
    && ! grep -q 'components of [0-9]* classes' target/intake-load-app.log; do sleep 2; done
# then, if the history was loaded now, one pass of the SLA monitor after it (its first pass over the history's
# overdue cases is a burst; on a database that had the history, that pass was made by an earlier run)
history_line=$(grep -n 'Demo history (synthetic, from' target/intake-load-app.log | tail -1 | cut -d: -f1 || true)
[ -n "$history_line" ] && until [ "$(grep -n 'SLA monitor:' target/intake-load-app.log | tail -1 | cut -d: -f1)" -gt "$history_line" ] 2>/dev/null; do
  sleep 2; done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the JIT's warm-up (C2 compiles the hot paths in the first minute and takes CPU from the requests meanwhile), not
# counted; its reports stay in the database like a morning's reports before the peak
if [ "${JIT_WARMUP_SECONDS:-60}" != 0 ]; then
  echo "JIT warm-up at 100 reports/s for ${JIT_WARMUP_SECONDS:-60} s:"
  "$java_bin" -cp target/test-classes org.citygrid.bench.IntakeLoad url=http://127.0.0.1:8107 rate=100 \
    seconds="${JIT_WARMUP_SECONDS:-60}" warmup=0 users="${USERS:-20}" | tail -1
fi
source bench/cpu.sh
for rate in $rates; do
  if [ "${CPU:-0}" = 1 ]; then
    cpu_run "$(pgrep -f org.citygrid.CityGridApplication | head -1)" url=http://127.0.0.1:8107 rate="$rate" \
      users="${USERS:-20}"
  else
    "$java_bin" -cp target/test-classes org.citygrid.bench.IntakeLoad url=http://127.0.0.1:8107 rate="$rate" \
      seconds="${SECONDS_PER_RATE:-60}" warmup=10 users="${USERS:-20}"
  fi
done
