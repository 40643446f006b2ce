#!/usr/bin/env bash
# SIP load benchmark (docs/performance.md "SIP load"): the highest call rate SIPp sustains with
# < 0.1 % failed calls against
#   bare302 / bare403  BareResponder (JAIN-SIP with SipServer's stack settings), INVITE → 302 / 403
#   barred             ReachPBX with the 1,000-user tenant: a phone dials 0906… (407 digest, routing, 403)
#   calls              ReachPBX: the carrier trunk calls users' personal numbers; B2BUA → registered
#                      desk channel (a SIPp UAS) → 180/200, ACK, BYE (full calls, 2 legs)
#
#   benchmarks/sip/run-load.sh [all|bare|reachpbx|bare302|bare403|barred|calls]...
#
# Environment: SKIP_BUILD=1 (use the jars already built), STEP_SECONDS (length of one rate step,
# default 10), RATES_BARE / RATES_BARRED / RATES_CALLS (the step-up rates, cps), OUT (result dir).
# Needs sipp (Debian sip-tester), java 17, curl. Only loopback; ports 5080, 5090, 5085-5089.
# A step passes when every call of it succeeded or at most 0.1 % failed, and SIPp kept the rate
# (the step took at most 5 % + 0.5 s longer than calls/rate). The search stops at the first step
# that fails; the result is the last rate that passed. SIPp's address 127.0.0.1 is on the SIP edge's
# allowlist (docs/sip-edge.md), else the per-source rate limit (100/s) would be what is measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/benchmarks/sip
OUT=${OUT:-$ROOT/benchmarks/target/sip-load/$(date -u +%Y%m%dT%H%M%SZ)}
STEP_SECONDS=${STEP_SECONDS:-10}
RATES_BARE=${RATES_BARE:-"1000 2000 3000 3500 4000 4500 5000 5500 6000 7000 8000"}
RATES_BARRED=${RATES_BARRED:-"400 800 1200 1600 2000 2400 2800 3200 3600 4000 4400 4800 5200"}
RATES_CALLS=${RATES_CALLS:-"200 400 600 800 1000 1200 1400 1600 1800 2000"}
BARE_PORT=5080
PBX_PORT=5090
PBX_HTTP=18090
TRUNK_IP=127.0.0.2
TRUNK_PORT=5089
UAS_PORT=5088
REG_PORT=5087
CLIENT_PORT=5086
BENCH=load
# shellcheck source=../lib.sh
source "$ROOT/benchmarks/lib.sh"
build

# step <label> <rate> <calls> sipp-args... : one SIPp run; prints "ok|fail success failed seconds cps"
step() {
  local label=$1 rate=$2 calls=$3
  shift 3
  local stat=$OUT/$label-$rate.csv start end rc=0
  start=$(date +%s.%N)
  timeout $((calls / rate * 3 + 60)) sipp "$@" -r "$rate" -m "$calls" -nostdin -recv_timeout 5000 \
    -trace_stat -stf "$stat" -fd 1 -trace_err -error_file "$OUT/$label-$rate-errors.log" \
    >"$OUT/$label-$rate.out" 2>&1 || rc=$?
  end=$(date +%s.%N)
  local success failed
  success=$(sipp_counter "$stat" 'SuccessfulCall(C)')
  failed=$(sipp_counter "$stat" 'FailedCall(C)')
  local verdict
  verdict=$(awk -v s="$success" -v f="$failed" -v n="$calls" -v r="$rate" -v t0="$start" -v t1="$end" -v rc="$rc" '
    BEGIN { t = t1 - t0; ok = (s + f >= n) && (f * 1000 < n) && (t <= n / r * 1.05 + 0.5) && (rc == 0 || rc == 1);
            printf "%s %d %d %.2f %.0f %.3f\n", ok ? "ok" : "fail", s, f, t, s / t, 100 * f / n }')
  echo "$verdict"
}

# search <label> <rates> sipp-args... : step-up search; logs each step and the result
search() {
  local label=$1 rates=$2
  shift 2
  local rate best=0 best_line="" result
  log "$label: step-up over $rates cps, $STEP_SECONDS s per step"
  for rate in $rates; do
    result=$(step "$label" "$rate" $((rate * STEP_SECONDS)) "$@")
    read -r verdict success failed seconds cps pct <<<"$result"
    log "$label  rate $rate cps: $verdict  success=$success failed=$failed (${pct} %) in ${seconds} s = $cps cps; load $(cut -d' ' -f1-3 /proc/loadavg)"
    if [[ $verdict != ok ]]; then
      break
    fi
    best=$rate
    best_line="$success calls, $failed failed, $cps cps achieved"
  done
  log "RESULT $label: $best cps sustained ($best_line)"
  echo "$label $best" >>"$OUT/results.txt"
}

bare() {
  local status=$1
  log "starting BareResponder ($status) on 127.0.0.1:$BARE_PORT"
  java -Xmx512m -Dlogback.configurationFile="$HERE/logback-quiet.xml" -cp "$CP" \
    org.reachpbx.bench.sip.BareResponder 127.0.0.1 $BARE_PORT "$status" >"$OUT/bare-$status.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  sleep 3
  # JIT warm-up, not counted
  step "bare$status-warmup" 500 5000 -sf "$HERE/invite-refused-load.xml" -s 0906123456 127.0.0.1:$BARE_PORT \
    -i 127.0.0.1 -p $CLIENT_PORT >/dev/null
  search "bare$status" "$RATES_BARE" -sf "$HERE/invite-refused-load.xml" -s 0906123456 127.0.0.1:$BARE_PORT \
    -i 127.0.0.1 -p $CLIENT_PORT
  stop "$pid"
}

PBX_STARTED=
reachpbx_start() {
  [[ -n $PBX_STARTED ]] && return 0
  log "writing the 1,000-user tenant (LargeTenantGenerator), IP listing off, PREMIUM_0906 barred"
  java -cp "$CP" org.reachpbx.directory.testdata.LargeTenantGenerator "$OUT/large.yaml" 1000 200 >/dev/null
  sed -i 's/^ipListing: true$/ipListing: false/; s/^\(externalCallLimit: .*\)$/\1\ncallBarring:\n  - PREMIUM_0906/' \
    "$OUT/large.yaml"
  log "starting ReachPBX on 127.0.0.1:$PBX_PORT (trunk $TRUNK_IP), in-memory H2, -Xmx1g"
  start_server_process java -Xmx1g -jar "$JAR" --server.port=$PBX_HTTP --spring.datasource.url=jdbc:h2:mem:load \
    --pbx.sip.host=127.0.0.1 --pbx.sip.port=$PBX_PORT --pbx.sip.digest-algorithms=MD5,SHA-256 \
    "--pbx.sip.trunks[0].host=$TRUNK_IP" "--pbx.sip.trunks[0].port=$TRUNK_PORT" \
    --pbx.sip.edge.allowlist=127.0.0.1/32 \
    --logging.level.org.reachpbx.server.sip=WARN
  wait_for_server 120
  import_tenant "$OUT/large.yaml"
  log "imported: $(cat "$OUT/import.json")"
  local i
  # channel;domain;auth — the desk channels desk-2000..desk-2999 (password secret-<ext>)
  { echo SEQUENTIAL
    for ((i = 2000; i < 3000; i++)); do
      echo "desk-$i;large-bv.reachpbx.test;[authentication username=desk-$i password=secret-$i]"
    done; } >"$OUT/desks.csv"
  # the users' personal numbers (+31202<ext>00), nationally written
  { echo SEQUENTIAL
    for ((i = 2000; i < 3000; i++)); do echo "0202${i}00"; done; } >"$OUT/numbers.csv"
  sleep 3
  PBX_STARTED=1
}

barred() {
  reachpbx_start
  step barred-warmup 200 3000 -sf "$HERE/invite-barred-load.xml" -inf "$OUT/desks.csv" 127.0.0.1:$PBX_PORT \
    -i 127.0.0.1 -p $CLIENT_PORT >/dev/null
  search barred "$RATES_BARRED" -sf "$HERE/invite-barred-load.xml" -inf "$OUT/desks.csv" 127.0.0.1:$PBX_PORT \
    -i 127.0.0.1 -p $CLIENT_PORT
}

calls() {
  if [[ -n $PBX_STARTED ]]; then
    # The search ends with a step the server could not keep up with; SIPp's retransmissions of it
    # keep the server busy for a while, and registrations sent meanwhile would time out.
    log "letting the server drain the last overloaded step (30 s)"
    sleep 30
  fi
  reachpbx_start
  log "UAS for all desk channels on 127.0.0.1:$UAS_PORT; registering desk-2000..desk-2999 there"
  sipp -sf "$HERE/uas-load.xml" 127.0.0.1:$PBX_PORT -i 127.0.0.1 -p $UAS_PORT -nostdin \
    -trace_err -error_file "$OUT/uas-errors.log" >"$OUT/uas.out" 2>&1 &
  local uas=$!
  pids+=("$uas")
  sleep 1
  step register 100 1000 -sf "$HERE/register-load.xml" -inf "$OUT/desks.csv" -key contact_port $UAS_PORT \
    127.0.0.1:$PBX_PORT -i 127.0.0.1 -p $REG_PORT >/dev/null
  step calls-warmup 50 1000 -sf "$HERE/trunk-call-load.xml" -inf "$OUT/numbers.csv" 127.0.0.1:$PBX_PORT \
    -i $TRUNK_IP -p $TRUNK_PORT >/dev/null
  search calls "$RATES_CALLS" -sf "$HERE/trunk-call-load.xml" -inf "$OUT/numbers.csv" 127.0.0.1:$PBX_PORT \
    -i $TRUNK_IP -p $TRUNK_PORT
  kill "$uas" 2>/dev/null || true
}

[[ $# -gt 0 ]] || set -- all
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
for what in "$@"; do
  case $what in
    all) bare 302; bare 403; barred; calls ;;
    bare) bare 302; bare 403 ;;
    bare302) bare 302 ;;
    bare403) bare 403 ;;
    reachpbx) barred; calls ;;
    barred) barred ;;
    calls) calls ;;
    *) echo "run-load.sh: unknown benchmark $what" >&2; exit 2 ;;
  esac
done
log "done: $(tr '\n' ' ' <"$OUT/results.txt")"
