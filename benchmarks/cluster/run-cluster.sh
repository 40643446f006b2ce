#!/usr/bin/env bash
# Cluster benchmark (docs/performance.md "Cluster", docs/cluster.md): the `barred` call of the SIP
# load benchmark (a phone of the 1,000-user tenant dials 0906…: INVITE, 407, INVITE with digest,
# routing decision, 403) in four set-ups, each on MariaDB like a cluster:
#   memory1   one instance, live state in memory, SIPp straight to it (the baseline)
#   redis1    one instance, live state in Redis, SIPp straight to it (what Redis adds)
#   kam1      Kamailio (deploy/kamailio/kamailio.cfg) in front of one instance on Redis
#   kam2      Kamailio in front of two instances on Redis (dispatch by Call-ID hash)
# For each: the call set-up time p50/p99 at a fixed low rate (SIPp -trace_rtt, first INVITE → 403),
# the CPU time per call of the servers and Kamailio at that rate (from /proc), and the highest rate
# sustained with < 0.1 % failed calls (step-up as in benchmarks/sip/run-load.sh).
#
#   benchmarks/cluster/run-cluster.sh [memory1|redis1|kam1|kam2]...     (default: all four)
#
# Environment: SKIP_BUILD=1 (use the jars already built), STEP_SECONDS (default 5), RATES (step-up
# cps), LAT_RATE / LAT_CALLS (the latency run, default 100 cps × 2,000 calls), OUT (result dir).
# Needs sipp (Debian sip-tester), kamailio, redis-server, MariaDB on 127.0.0.1:3306 (root, no
# password; database reachpbx_bench_cluster is dropped and created), java 17, curl. Runs its own
# redis-server on 127.0.0.1:6391 (the machine's Redis on 6379 is left alone). Loopback only: SIP
# ports 5070 (Kamailio), 5091/5092 (instances), 5086 (SIPp); HTTP 18091/18092.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/benchmarks/cluster
OUT=${OUT:-$ROOT/benchmarks/target/cluster/$(date -u +%Y%m%dT%H%M%SZ)}
STEP_SECONDS=${STEP_SECONDS:-5}
RATES=${RATES:-"400 800 1200 1600 2000 2400 2800 3200 3600"}
LAT_RATE=${LAT_RATE:-100}
LAT_CALLS=${LAT_CALLS:-2000}
KAM_PORT=${KAM_PORT:-5070}
SIP_PORTS=(5091 5092)
HTTP_PORTS=(18091 18092)
CLIENT_PORT=5086
REDIS_PORT=6391
DB=reachpbx_bench_cluster
ADMIN=bench-cluster-admin
mkdir -p "$OUT"
for tool in sipp redis-server mariadb curl; do
  command -v "$tool" >/dev/null || { echo "run-cluster.sh: $tool not found" >&2; exit 1; }
done
[[ -x /usr/sbin/kamailio ]] || { echo "run-cluster.sh: kamailio not found (apt-get install kamailio)" >&2; exit 1; }

log() { printf '[cluster %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/summary.txt" >&2; }

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 5   # a server still starting may ignore SIGTERM for a while
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  log "building routing-server and benchmarks"
  ./mvnw -B -q -o -pl routing-server,benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
fi
CP=$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")
JAR=${JAR:-$ROOT/routing-server/target/routing-server.jar}

# CPU time (clock ticks) of processes and their children (Kamailio's workers).
cpu_ticks() {
  local total=0 p c
  for p in "$@"; do
    for c in "$p" $(ps -o pid= --ppid "$p" 2>/dev/null); do
      [[ -r /proc/$c/stat ]] || continue
      total=$((total + $(awk '{ print $14 + $15 }' "/proc/$c/stat")))
    done
  done
  echo "$total"
}

# step <label> <rate> <calls> sipp-args... : one SIPp run; prints "ok|fail success failed seconds cps pct"
step() {
  local label=$1 rate=$2 calls=$3
  shift 3
  local stat=$OUT/$label-$rate.csv start end rc=0
  start=$(date +%s.%N)
  (cd "$OUT" && timeout $((calls / rate * 3 + 60)) sipp "$@" -r "$rate" -m "$calls" -nostdin -recv_timeout 5000 \
    -trace_stat -stf "$stat" -fd 1 -trace_err -error_file "$OUT/$label-$rate-errors.log" \
    >"$OUT/$label-$rate.out" 2>&1) || rc=$?
  end=$(date +%s.%N)
  local header last ok_col fail_col success failed
  header=$(head -n 1 "$stat" | tr ';' '\n')
  ok_col=$(grep -n '^SuccessfulCall(C)$' <<<"$header" | cut -d: -f1)
  fail_col=$(grep -n '^FailedCall(C)$' <<<"$header" | cut -d: -f1)
  last=$(tail -n 1 "$stat")
  success=$(cut -d';' -f"$ok_col" <<<"$last")
  failed=$(cut -d';' -f"$fail_col" <<<"$last")
  awk -v s="$success" -v f="$failed" -v n="$calls" -v r="$rate" -v t0="$start" -v t1="$end" -v rc="$rc" '
    BEGIN { t = t1 - t0; ok = (s + f >= n) && (f * 1000 < n) && (t <= n / r * 1.05 + 0.5) && (rc == 0 || rc == 1);
            printf "%s %d %d %.2f %.0f %.3f\n", ok ? "ok" : "fail", s, f, t, s / t, 100 * f / n }'
}

write_tenant() {
  [[ -f $OUT/large.yaml ]] && return 0
  java -cp "$CP" org.reachpbx.directory.testdata.LargeTenantGenerator "$OUT/large.yaml" 1000 200 >/dev/null
  sed -i 's/^ipListing: true$/ipListing: false/; s/^\(externalCallLimit: .*\)$/\1\ncallBarring:\n  - PREMIUM_0906/' \
    "$OUT/large.yaml"
  { echo SEQUENTIAL
    for ((i = 2000; i < 3000; i++)); do
      echo "desk-$i;large-bv.reachpbx.test;[authentication username=desk-$i password=secret-$i]"
    done; } >"$OUT/desks.csv"
}

fresh_database() {
  mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P3306 -uroot \
    -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

start_redis() {
  redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no >"$OUT/redis.log" 2>&1 &
  REDIS_PID=$!
  pids+=("$REDIS_PID")
  local i
  for ((i = 0; i < 50; i++)); do
    [[ $(redis-cli -p $REDIS_PORT ping 2>/dev/null) == PONG ]] && return 0
    sleep 0.1
  done
  echo "redis-server did not start" >&2
  exit 1
}

# start_instance <n> <redis|memory> : instance n (0 or 1); its pid in INSTANCE_PIDS
INSTANCE_PIDS=()
start_instance() {
  local n=$1 state=$2 cluster=()
  [[ $state == redis ]] && cluster=(--pbx.cluster.redis-url=redis://127.0.0.1:$REDIS_PORT --pbx.cluster.key-prefix=bench)
  java -Xmx1g -jar "$JAR" --server.port="${HTTP_PORTS[$n]}" --spring.profiles.active=mariadb \
    --spring.datasource.url="jdbc:mariadb://127.0.0.1:3306/$DB" --spring.datasource.username=root \
    --spring.datasource.password= --pbx.admin.password=$ADMIN --pbx.security.secret-key=3q2+7wABAgMEBQYHCAkKCw== \
    --pbx.demo.enabled=false --pbx.sip.host=127.0.0.1 --pbx.sip.port="${SIP_PORTS[$n]}" \
    --pbx.sip.digest-algorithms=MD5,SHA-256 --pbx.sip.edge.allowlist=127.0.0.1/32 --pbx.media.bind-address=127.0.0.1 \
    "${cluster[@]}" --logging.level.org.reachpbx.server.sip=WARN >"$OUT/instance$n-$state.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  INSTANCE_PIDS+=("$pid")
  local i
  # A busy machine takes minutes to start it.
  for ((i = 0; i < 600; i++)); do
    curl -fs "http://127.0.0.1:${HTTP_PORTS[$n]}/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "instance $n did not come up; see $OUT/instance$n-$state.log" >&2
  exit 1
}

import_tenant() {
  local code
  code=$(curl -s -o "$OUT/import.json" -w '%{http_code}' -u admin:$ADMIN -H 'Content-Type: application/yaml' \
    --data-binary @"$OUT/large.yaml" "http://127.0.0.1:${HTTP_PORTS[0]}/api/tenants")
  log "tenant import: HTTP $code"
}

start_kamailio() {
  local list=$OUT/dispatcher.list n
  : >"$list"
  for ((n = 0; n < $1; n++)); do echo "1 sip:127.0.0.1:${SIP_PORTS[$n]} 0 0" >>"$list"; done
  /usr/sbin/kamailio -DD -E -f "$ROOT/deploy/kamailio/kamailio.cfg" -Y "$OUT" -P "$OUT/kamailio.pid" \
    -A "LISTEN=udp:127.0.0.1:$KAM_PORT" -A "DS_LIST=\"$list\"" -A PROBE_SECS=2 -A FR_MS=2000 \
    -m 256 >"$OUT/kamailio-$1.log" 2>&1 &
  KAM_PID=$!
  pids+=("$KAM_PID")
  sleep 4   # the first OPTIONS probe marks the instances active
}

stop_kamailio() {
  if [[ -n ${KAM_PID:-} ]]; then
    kill "$KAM_PID" 2>/dev/null || true
    wait "$KAM_PID" 2>/dev/null || true
    KAM_PID=
  fi
}

stop_all() {
  local p
  stop_kamailio
  for p in "${INSTANCE_PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  INSTANCE_PIDS=()
  if [[ -n ${REDIS_PID:-} ]]; then
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=
  fi
}

# measure <label> <target host:port> <pids…> : latency + CPU at LAT_RATE, then the step-up search
measure() {
  local label=$1 target=$2
  shift 2
  # -auth_uri: SIPp signs its digest for remote_ip:remote_port by default, which names Kamailio
  # when it is in front; the instances accept the Request-URI (or their own address) only.
  local scenario=(-sf "$HERE/invite-barred-rtt.xml" -inf "$OUT/desks.csv" "$target" -i 127.0.0.1 -p $CLIENT_PORT
    -auth_uri 0906123456@large-bv.reachpbx.test)
  step "$label-warmup" 200 2000 "${scenario[@]}" >/dev/null
  local before after result tck
  before=$(cpu_ticks "$@")
  result=$(step "$label-latency" "$LAT_RATE" "$LAT_CALLS" "${scenario[@]}" -trace_rtt -rtt_freq 1)
  after=$(cpu_ticks "$@")
  tck=$(getconf CLK_TCK)
  local rtt
  rtt=$(ls -t "$OUT"/invite-barred-rtt_*_rtt.csv 2>/dev/null | head -n 1)
  if [[ -n $rtt ]]; then mv "$rtt" "$OUT/$label-rtt.csv"; else : >"$OUT/$label-rtt.csv"; fi
  local pct
  pct=$(awk -F';' 'NR > 1 && $3 == 1 { print $2 }' "$OUT/$label-rtt.csv" | sort -n | awk '
    { v[NR] = $1 } END { if (NR == 0) { print "- - 0"; exit }
      printf "%.2f %.2f %d\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.99 + 0.5)], NR }')
  read -r p50 p99 n <<<"$pct"
  local cpu_ms
  cpu_ms=$(awk -v a="$after" -v b="$before" -v t="$tck" -v n="$LAT_CALLS" 'BEGIN { printf "%.3f", (a - b) * 1000 / t / n }')
  log "$label latency at $LAT_RATE cps ($result): p50 $p50 ms, p99 $p99 ms over $n calls; CPU $cpu_ms ms per call; load $(cut -d' ' -f1-3 /proc/loadavg)"
  local rate best=0 verdict success failed seconds cps fpct
  for rate in $RATES; do
    result=$(step "$label" "$rate" $((rate * STEP_SECONDS)) "${scenario[@]}")
    read -r verdict success failed seconds cps fpct <<<"$result"
    log "$label  rate $rate cps: $verdict  success=$success failed=$failed ($fpct %) in $seconds s = $cps cps; load $(cut -d' ' -f1-3 /proc/loadavg)"
    [[ $verdict == ok ]] || break
    best=$rate
  done
  log "RESULT $label: $best cps sustained; set-up p50 $p50 ms p99 $p99 ms at $LAT_RATE cps; CPU $cpu_ms ms/call"
  echo "$label $best $p50 $p99 $cpu_ms" >>"$OUT/results.txt"
  # The last (overloaded) step's retransmissions keep the servers busy for a while.
  sleep 10
}

# redis1, kam1 and kam2 one after the other on the same Redis and instance 0
# (kam2 adds instance 1), so that an instance starts once (a start takes a minute or more); then
# memory1 on its own.
run() {
  write_tenant
  if [[ " $WANTED " == *" redis1 "* || " $WANTED " == *" kam1 "* || " $WANTED " == *" kam2 "* ]]; then
    fresh_database
    start_redis; start_instance 0 redis; import_tenant
    if [[ " $WANTED " == *" redis1 "* ]]; then
      measure redis1 "127.0.0.1:${SIP_PORTS[0]}" "${INSTANCE_PIDS[@]}"
    fi
    if [[ " $WANTED " == *" kam1 "* ]]; then
      start_kamailio 1
      measure kam1 "127.0.0.1:$KAM_PORT" "${INSTANCE_PIDS[@]}" "$KAM_PID"
      stop_kamailio
    fi
    if [[ " $WANTED " == *" kam2 "* ]]; then
      start_instance 1 redis; start_kamailio 2
      measure kam2 "127.0.0.1:$KAM_PORT" "${INSTANCE_PIDS[@]}" "$KAM_PID"
    fi
    stop_all
  fi
  if [[ " $WANTED " == *" memory1 "* ]]; then
    fresh_database
    start_instance 0 memory; import_tenant
    measure memory1 "127.0.0.1:${SIP_PORTS[0]}" "${INSTANCE_PIDS[@]}"
    stop_all
  fi
}

[[ $# -gt 0 ]] || set -- memory1 redis1 kam1 kam2
for what in "$@"; do
  [[ $what =~ ^(memory1|redis1|kam1|kam2)$ ]] || { echo "run-cluster.sh: unknown set-up $what" >&2; exit 2; }
done
WANTED=$*
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
run
log "done (label cps p50 p99 cpu-ms/call): $(tr '\n' ' ' <"$OUT/results.txt")"
