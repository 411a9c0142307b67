#!/usr/bin/env bash
# The large-city data set and the timings of the key queries on it (issue 7, docs/PERFORMANCE-SCALE.md).
# Usage: bench/big-city.sh [data|timings|all] [regex of operations]   (default: all)
#   data:    builds 100,000 grids, 5,000,000 components and 1,000,000 cases in PostgreSQL database
#            citygrid_bench_bigcity (created if missing); steps already done are skipped, so a rerun is quick.
#   timings: starts CityGrid in one JVM with -Xmx2g on that database (port 8127) and times the key queries over HTTP.
# env: CITYGRID_BENCH_PG_URL (another database), CITYGRID_BENCH_PORT (another port).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$what" = data ] || [ "$what" = all ]; then
  "$java_bin" -Xmx2g -cp "$cp" org.citygrid.bench.BigCity
fi
if [ "$what" = timings ] || [ "$what" = all ]; then
  "$java_bin" -Xmx2g -cp "$cp" org.citygrid.bench.BigCityTimings ${2:+"$2"}
fi
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
