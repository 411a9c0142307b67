# CPU per stored report (sourced by intake-load.sh and bare-insert.sh when CPU=1; docs/PERFORMANCE.md, "Report
# intake"): the rate is offered for 10 s first (not counted), then for SECONDS_PER_RATE while the processor time of
# the application's process, of every PostgreSQL process and of the load client is read (from /proc and the client's
# rusage). The comparison with the bare endpoint by capacity ("the highest rate held with 0 errors") swings from one
# VM to the next; CPU per report at a rate both hold is the steadier figure (the machine has 2 cores for all three).
# Usage: cpu_run <app pid> <client args…>
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { local t=0 p; for p in $(pgrep -x postgres); do t=$((t + $(cpu_ticks "$p"))); done; echo "$t"; }
cpu_run() {
  local app=$1; shift
  "$java_bin" -cp target/test-classes org.citygrid.bench.IntakeLoad "$@" seconds=10 warmup=0 | tail -1 | sed 's/^/(not counted) /'
  local hz a0 p0 a1 p1 created client
  hz=$(getconf CLK_TCK)
  a0=$(cpu_ticks "$app"); p0=$(pg_ticks)
  local TIMEFORMAT='%U %S'
  { time "$java_bin" -cp target/test-classes org.citygrid.bench.IntakeLoad "$@" seconds="${SECONDS_PER_RATE:-60}" \
      warmup=0 > target/cpu-run.out; } 2> target/cpu-run.time
  a1=$(cpu_ticks "$app"); p1=$(pg_ticks)
  cat target/cpu-run.out
  created=$(sed -n 's/.*created \([0-9]*\) .*/\1/p' target/cpu-run.out | tail -1)
  client=$(awk '{print $1 + $2}' target/cpu-run.time)
  awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v c="$client" -v n="$created" -v hz="$hz" 'BEGIN {
    if (n == 0) { print "no report stored"; exit }
    printf "CPU per stored report: application %.3f ms, PostgreSQL %.3f ms, client %.3f ms, together %.3f ms (%d reports)\n",
      1000 * a / hz / n, 1000 * p / hz / n, 1000 * c / n, 1000 * (a / hz + p / hz + c) / n, n }'
}
