#!/usr/bin/env bash
# What authentication costs per request (issue 7, docs/PERFORMANCE-LOAD.md): starts CityGrid (postgres,demo on a
# fresh citygrid_bench_loadmix schema, port 8119, no demo history and no demo inventory, so nothing runs in the
# background) twice — first with `citygrid.security.verified-passwords.ttl=0` (BCrypt on every HTTP Basic request,
# as before), then with the default (a verified password is remembered) — and each time runs
# org.citygrid.bench.AuthLoad: GET /api/v1/me in a closed loop with HTTP Basic and with a session cookie, at each
# client count given (default 1 8), SECONDS_PER_RUN (default 20) after a 5 s warm-up.
# Usage: bench/auth-cost.sh [clients ...]      env: SECONDS_PER_RUN, PORT (8119), DB
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
cd "$(dirname "$0")/.."
clients=${*:-1 8}
port=${PORT:-8119}
db=${DB:-citygrid_bench_loadmix}
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/app-classpath.txt -Dmdep.includeScope=runtime
bench_cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
app_cp="target/classes:$(cat target/app-classpath.txt)"
trap '[ -f target/auth-cost-app.pid ] && kill "$(cat target/auth-cost-app.pid)" 2>/dev/null || true' EXIT
echo "machine: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| server / client | clients | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for ttl in 0 5m; do
  psql -q -h 127.0.0.1 -U postgres -d "$db" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public"
  CITYGRID_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db "$java_bin" -cp "$app_cp" org.citygrid.CityGridApplication \
    --spring.profiles.active=postgres,demo --server.port="$port" --citygrid.demo.history.count=0 \
    --citygrid.assets.demo-count=0 --citygrid.security.verified-passwords.ttl="$ttl" \
    > "target/auth-cost-app-$ttl.log" 2>&1 &
  echo $! > target/auth-cost-app.pid
  until curl -s -o /dev/null -w '%{http_code}' -u dispatcher1:Demo@2026 http://127.0.0.1:$port/api/v1/me 2>/dev/null \
      | grep -q 200; do
    kill -0 "$(cat target/auth-cost-app.pid)" 2>/dev/null || { tail -40 "target/auth-cost-app-$ttl.log"; exit 1; }
    sleep 1
  done
  sleep 10
  server=$([ "$ttl" = 0 ] && echo "BCrypt every request" || echo "verified passwords remembered")
  for c in $clients; do
    for auth in basic session; do
      "$java_bin" -cp "$bench_cp" org.citygrid.bench.AuthLoad url=http://127.0.0.1:$port auth=$auth clients="$c" \
        seconds="${SECONDS_PER_RUN:-20}" warmup=5 label="$server / $auth"
    done
  done
  kill "$(cat target/auth-cost-app.pid)"; wait "$(cat target/auth-cost-app.pid)" 2>/dev/null || true
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
