#!/usr/bin/env bash
# The bare-insert ceiling (issue 7, docs/PERFORMANCE-LOAD.md): creates a fresh bench_case table
# (bench/report-schema.sql) in citygrid_bench_bare, starts org.citygrid.bench.BareInsertApp (Boot + Tomcat + virtual
# threads + Hikari 10 + Jackson + JdbcClient, one INSERT per POST, no security) on port 8118 and drives it with the
# same open-loop client as CityGrid's intake (org.citygrid.bench.IntakeLoad auth=none path=/bare/reports) at each
# rate given (default 200 500 1000 1500) for SECONDS_PER_RATE (default 30) after a 10 s warm-up each.
# Usage: bench/bare-insert.sh [rate ...]      env: SECONDS_PER_RATE, PORT (8118), DB (citygrid_bench_bare), CPU=1 for
#   the processor time per stored report of the endpoint, PostgreSQL and the client (bench/cpu.sh)
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
cd "$(dirname "$0")/.."
rates=${*:-200 500 1000 1500}
port=${PORT:-8118}
db=${DB:-citygrid_bench_bare}
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
psql -q -h 127.0.0.1 -U postgres -d "$db" -f bench/report-schema.sql > /dev/null
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
"$java_bin" -cp "$cp" org.citygrid.bench.BareInsertApp "jdbc:postgresql://127.0.0.1:5432/$db" "$port" \
  > target/bare-insert-app.log 2>&1 &
echo $! > target/bare-insert-app.pid
trap 'kill "$(cat target/bare-insert-app.pid)" 2>/dev/null || true' EXIT
until curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' http://127.0.0.1:$port/bare/reports
do
  kill -0 "$(cat target/bare-insert-app.pid)" 2>/dev/null || { tail -40 target/bare-insert-app.log; exit 1; }
  sleep 1
done
echo "machine: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
source bench/cpu.sh
for rate in $rates; do
  if [ "${CPU:-0}" = 1 ]; then
    cpu_run "$(cat target/bare-insert-app.pid)" url=http://127.0.0.1:$port auth=none path=/bare/reports rate="$rate"
  else
    "$java_bin" -cp target/test-classes org.citygrid.bench.IntakeLoad url=http://127.0.0.1:$port auth=none \
      path=/bare/reports rate="$rate" seconds="${SECONDS_PER_RATE:-30}" warmup=10
  fi
  echo "load average after rate $rate: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "rows in bench_case: $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc 'select count(*) from bench_case')"
