# Shared by the benchmark scripts (benchmarks/sip/run-load.sh, benchmarks/media/run-media.sh,
# benchmarks/queue/run-queue.sh), sourced after they have gone to the repository root and set
#   BENCH  the tag of their log lines ("load", "media", "queue")
#   OUT    their result directory (made here)
# It gives them the log, the processes killed when the script ends however it ends, the build of
# the jars, starting, waiting for and stopping the server, and reading the server's CPU time, its GC
# pauses and SIPp's counters; what each measures, and how, stays in its script.
# Needs ROOT (the repository root) and, for the server, PBX_HTTP (its HTTP port).

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
command -v sipp >/dev/null || { echo "$(basename "$0"): sipp not found (apt-get install sip-tester)" >&2; exit 1; }

log() { printf '[%s %s] %s\n' "$BENCH" "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/summary.txt" >&2; }

# Every process started in the background is killed when the script ends, however it ends.
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# stop <pid>... : ends these processes (SIGTERM) and waits for them
stop() {
  local p
  for p in "$@"; do kill "$p" 2>/dev/null || true; done
  for p in "$@"; do wait "$p" 2>/dev/null || true; done
}

# build : the server jar and the benchmark classes with their class path (SKIP_BUILD=1: use those
# already built); sets CP and JAR
build() {
  if [[ ${SKIP_BUILD:-} != 1 ]]; then
    log "building routing-server and benchmarks"
    ./mvnw -B -q -pl routing-server,benchmarks -am -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  fi
  CP=$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")
  JAR=${JAR:-$ROOT/routing-server/target/routing-server.jar}
}

# start_server_process <command>... : runs the server's command line in the background, its output
# in $OUT/reachpbx.log; PBX_PID is its process id
start_server_process() {
  "$@" >"$OUT/reachpbx.log" 2>&1 &
  PBX_PID=$!
  pids+=("$PBX_PID")
}

# wait_for_server <seconds> : until the server answers on HTTP (a loaded machine has taken over 3
# minutes to start it), at most that long
wait_for_server() {
  local i
  for ((i = 0; i < $1; i++)); do
    curl -s -o /dev/null "http://127.0.0.1:$PBX_HTTP/" && break
    sleep 1
  done
}

# wait_until_server_gone <seconds> : until nothing answers on the server's HTTP port (a server of an
# earlier run may still be stopping), at most that long
wait_until_server_gone() {
  local i
  for ((i = 0; i < $1; i++)); do
    curl -s -o /dev/null "http://127.0.0.1:$PBX_HTTP/" || break
    sleep 1
  done
}

# import_tenant <yaml> : imports the tenant as the platform admin (answer in $OUT/import.json);
# TENANT is its id
import_tenant() {
  curl -sf -u admin:demo-admin -H 'Content-Type: application/yaml' --data-binary @"$1" \
    "http://127.0.0.1:$PBX_HTTP/api/tenants" >"$OUT/import.json"
  TENANT=$(grep -o '"id":[0-9]*' "$OUT/import.json" | head -n 1 | cut -d: -f2)
}

# The server's CPU time in clock ticks (user + system, /proc/<pid>/stat), and the lines of its GC log.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PBX_PID/stat"; }
gc_lines() { if [[ -f $OUT/gc.log ]]; then wc -l <"$OUT/gc.log"; else echo 0; fi; }

# gc_pauses <from line> <to line> : the GC pauses logged in between, "count longest-ms"
gc_pauses() {
  local pauses longest
  pauses=$(sed -n "$(($1 + 1)),${2}p" "$OUT/gc.log" | grep -c 'Pause' || true)
  longest=$(sed -n "$(($1 + 1)),${2}p" "$OUT/gc.log" | grep 'Pause' | grep -o '[0-9.]*ms$' | tr -d 'ms' \
    | sort -n | tail -n 1)
  echo "$pauses ${longest:-}"
}

# sipp_counter <statistics file> <column> : the value of a SIPp statistics column (e.g.
# SuccessfulCall(C)) on the file's last line, where SIPp writes its latest counters
sipp_counter() {
  local col
  col=$(head -n 1 "$1" | tr ';' '\n' | grep -nFx "$2" | cut -d: -f1)
  tail -n 1 "$1" | cut -d';' -f"$col"
}
