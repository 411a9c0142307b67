#!/usr/bin/env bash
# Measures the demo's start-up time and memory: fresh H2 database, demo profile, the packaged jar on a JDK >= 21.
# Usage: bench/startup.sh [runs=3] [extra JVM options, e.g. -Xmx512m]
# Prints one line per run: seconds until /login answers 200, Spring's "Started in", seconds until the demo data is
# complete (the demo geography is the last seed), RSS idle and after 200 requests. Run 1 starts on an empty database
# (the demo is seeded); later runs restart on the database the previous run left (nothing to seed).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
port=18080
./mvnw -q -B -DskipTests package >/dev/null
jar=$(ls target/citygrid-*.jar | grep -v plain | head -n1)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; java: $("$java_bin" -version 2>&1 | head -n1); opts: ${*:-none}"
rm -rf "$work/data"
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  (cd "$work" && exec "$java_bin" "$@" -jar "$OLDPWD/$jar" --spring.profiles.active=demo --server.port=$port \
      > "$work/app.log" 2>&1) &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" 2>/dev/null | grep -q 200; do
    sleep 0.2
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  started=$(grep -o 'Started CityGridApplication in [0-9.]* seconds' "$work/app.log" | grep -o '[0-9.]*' | head -n1)
  until grep -q 'Demo geography' "$work/app.log"; do sleep 0.2; done
  seeded=$(echo "$(date +%s.%N) - $start" | bc)
  sleep 3
  java_pid=$(pgrep -P "$pid" java || echo "$pid")
  rss_idle=$(( $(ps -o rss= -p "$java_pid") / 1024 ))
  for _ in $(seq 1 100); do
    curl -s -o /dev/null -u dispatcher1:Demo@2026 "http://127.0.0.1:$port/api/v1/me"
    curl -s -o /dev/null "http://127.0.0.1:$port/login"
  done
  rss_busy=$(( $(ps -o rss= -p "$java_pid") / 1024 ))
  printf 'run %d: login page after %.1f s (Spring: started in %s s), demo data complete after %.1f s; RSS idle %d MiB, after 200 requests %d MiB\n' \
    "$run" "$ready" "$started" "$seeded" "$rss_idle" "$rss_busy"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
