#!/usr/bin/env bash
# Queue benchmark (docs/performance.md "Queues", issue 13): 200 callers waiting in 10 queues with
# music while 50 agents answer and hang up in a loop, against ReachPBX (in-memory H2, -Xmx1g,
# -Xlog:gc) with the tenant of benchmarks/queue/queue-bench-tenant.yaml, only over loopback:
#   callers  SIPp on 127.0.0.2 (queue-caller-load.xml) keeps CALLERS calls up (-l), spread over the
#            queues 800-809 in turn (queues.csv); each waits hearing the queue's music (its SDP names
#            the RTP sink, org.reachpbx.bench.media.RtpSink, which counts the streams and packets)
#            until an agent answers, and ends with the server's BYE when the agent hangs up
#   agents   org.reachpbx.bench.queue.AgentFarm on 127.0.0.4: the 50 agents' channels registered
#            with digest, logged in to their queue over REST (QUE-10), each answering every INVITE
#            at once with 200 and hanging up after TALK_MS
# Measured over a steady-state window (WINDOW_SECONDS after RAMP_SECONDS): the dispatch latency,
# agent free (its BYE sent) → the server's next INVITE reaches the agent, p50/p99/max over every
# dispatch in the window (AgentFarm's samples.csv); the server's CPU time (/proc/<pid>/stat) as a
# share of a core and per dispatched call; GC pauses (-Xlog:gc); the fewest and most calls SIPp
# had up during the window, and its failed calls; the music packets the sink got. Target: p99 ≤ 50 ms.
#
#   benchmarks/queue/run-queue.sh
#
# Environment: SKIP_BUILD=1 (use the jars already built: ./mvnw -B -q -o -pl routing-server,benchmarks
# -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# -Dmdep.includeScope=runtime), CALLERS (default 200), RATE (new calls a second while filling up,
# default 50: above the agents' 25 calls/s, so callers pile up to CALLERS), TALK_MS (default 2000), RAMP_SECONDS (default 20), WINDOW_SECONDS (default 60), OUT
# (result dir), SERVER_ARGS (more server options). Needs sipp (Debian sip-tester), java 17, curl.
# Ports: SIP 5191 (server), 127.0.0.2:5187 (SIPp), 127.0.0.4:5300-5301 (agents' SIP and RTP), HTTP
# 18191, RTP 34000-37999 (server), 127.0.0.2:47010 (sink), 127.0.0.1:5072 (the server's MWI NOTIFY sender).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/benchmarks/queue
OUT=${OUT:-$ROOT/benchmarks/target/queue/$(date -u +%Y%m%dT%H%M%SZ)}
CALLERS=${CALLERS:-200}
RATE=${RATE:-50}
TALK_MS=${TALK_MS:-2000}
RAMP_SECONDS=${RAMP_SECONDS:-20}
WINDOW_SECONDS=${WINDOW_SECONDS:-60}
PBX_PORT=5191
PBX_HTTP=18191
TRUNK_IP=127.0.0.2
TRUNK_PORT=5187
AGENT_IP=127.0.0.4
AGENT_PORT=5300
SINK_PORT=47010
RTP_PORTS=34000-37999
DOMAIN=queue-bench.reachpbx.test
ADMIN=admin:demo-admin
BENCH=queue
# shellcheck source=../lib.sh
source "$ROOT/benchmarks/lib.sh"
build

log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
log "starting ReachPBX on 127.0.0.1:$PBX_PORT (trunk $TRUNK_IP:$TRUNK_PORT, RTP $RTP_PORTS), in-memory H2, -Xmx1g"
# MD5 digest only: the agents answer with JAIN-SIP's AuthenticationHelper, which knows MD5.
# shellcheck disable=SC2086 # SERVER_ARGS: more options, split into words
start_server_process java -Xmx1g "-Xlog:gc:file=$OUT/gc.log:uptime" -jar "$JAR" --server.port=$PBX_HTTP \
  --spring.datasource.url=jdbc:h2:mem:queue --pbx.sip.host=127.0.0.1 --pbx.sip.port=$PBX_PORT \
  --pbx.sip.digest-algorithms=MD5 "--pbx.sip.trunks[0].host=$TRUNK_IP" "--pbx.sip.trunks[0].port=$TRUNK_PORT" \
  --pbx.sip.trunks[0].outbound=false --pbx.media.address=127.0.0.1 --pbx.media.rtp-ports=$RTP_PORTS \
  --pbx.integrations.sip.port=5072 \
  --logging.level.org.reachpbx.server.sip=WARN --logging.level.org.reachpbx.media=WARN ${SERVER_ARGS:-}
wait_for_server 600
import_tenant "$HERE/queue-bench-tenant.yaml"
log "imported tenant $TENANT; server pid $PBX_PID"

java -Xmx256m -cp "$CP" org.reachpbx.bench.media.RtpSink $TRUNK_IP $SINK_PORT "$OUT/sink.properties" \
  >"$OUT/sink.out" 2>&1 &
SINK=$!
pids+=("$SINK")
java -Xmx256m -cp "$CP" org.reachpbx.bench.queue.AgentFarm $AGENT_IP $AGENT_PORT 127.0.0.1:$PBX_PORT $DOMAIN \
  500 50 "$TALK_MS" "$OUT/samples.csv" >"$OUT/agents.out" 2>&1 &
FARM=$!
pids+=("$FARM")
for ((i = 0; i < 60; i++)); do
  grep -q 'agents registered' "$OUT/agents.out" && break
  kill -0 "$FARM" 2>/dev/null || { cat "$OUT/agents.out" >&2; exit 1; }
  sleep 1
done
grep -q 'agents registered' "$OUT/agents.out" || { log "the agents did not register"; exit 1; }
# Agents 500-504 serve queue 800, 505-509 queue 801, ... (QUE-10, as an admin would in Operator).
logins=0
for q in 0 1 2 3 4 5 6 7 8 9; do
  for k in 0 1 2 3 4; do
    curl -sf -u $ADMIN -X POST -o /dev/null \
      "http://127.0.0.1:$PBX_HTTP/api/tenants/$TENANT/queues/80$q/agents/$((500 + 5 * q + k))/login" && logins=$((logins + 1))
  done
done
log "50 agents registered, $logins logged in; $CALLERS callers at up to $RATE new calls/s, talk $TALK_MS ms"

sipp_column() { sipp_counter "$OUT/callers.csv" "$1"; }

(cd "$OUT" && sipp -sf "$HERE/queue-caller-load.xml" -inf "$HERE/queues.csv" 127.0.0.1:$PBX_PORT \
  -i $TRUNK_IP -p $TRUNK_PORT -key sink_ip $TRUNK_IP -key sink_port $SINK_PORT -l "$CALLERS" -r "$RATE" \
  -timeout $((RAMP_SECONDS + WINDOW_SECONDS + 5))s -nostdin -recv_timeout 120000 -trace_stat -stf "$OUT/callers.csv" \
  -fd 1 -trace_err -error_file "$OUT/callers-errors.log" >"$OUT/callers.out" 2>&1) &
SIPP=$!
pids+=("$SIPP")
sleep "$RAMP_SECONDS"

load=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(date +%s%3N) c0=$(cpu_ticks) g0=$(gc_lines) r0=$(wc -l <"$OUT/callers.csv") ok0=$(sipp_column "SuccessfulCall(C)")
sleep "$WINDOW_SECONDS"
t1=$(date +%s%3N) c1=$(cpu_ticks) g1=$(gc_lines) r1=$(wc -l <"$OUT/callers.csv") ok1=$(sipp_column "SuccessfulCall(C)")
failed=$(sipp_column "FailedCall(C)")
# the calls SIPp had up over the window (it refills in bursts): fewest and most of its per-second rows
upcol=$(head -n 1 "$OUT/callers.csv" | tr ';' '\n' | grep -nFx CurrentCall | cut -d: -f1)
up0=$(sed -n "$((r0 + 1)),${r1}p" "$OUT/callers.csv" | cut -d';' -f"$upcol" | sort -n | head -n 1)
up1=$(sed -n "$((r0 + 1)),${r1}p" "$OUT/callers.csv" | cut -d';' -f"$upcol" | sort -n | tail -n 1)
load1=$(cut -d' ' -f1-3 /proc/loadavg)
wait "$SIPP" 2>/dev/null || true
kill -TERM "$SINK" "$FARM" 2>/dev/null || true
wait "$SINK" 2>/dev/null || true

# the dispatches in the window, by latency
awk -F, -v t0="$t0" -v t1="$t1" '$1 >= t0 && $1 < t1 { print $2 }' "$OUT/samples.csv" | sort -n >"$OUT/window-latency-us.txt"
n=$(wc -l <"$OUT/window-latency-us.txt")
# the p-th percentile: the smallest latency that p % of the dispatches do not exceed
pct() { awk -v n="$n" -v p="$1" 'BEGIN { i = int(n * p / 100); if (i < n * p / 100) i++; if (i < 1) i = 1 } NR == i { printf "%.1f", $1 / 1000 }' "$OUT/window-latency-us.txt"; }
p50=$(pct 50) p99=$(pct 99) max=$(awk 'END { printf "%.1f", $1 / 1000 }' "$OUT/window-latency-us.txt")
over50=$(awk '$1 > 50000' "$OUT/window-latency-us.txt" | wc -l)
read -r pauses max_pause <<<"$(gc_pauses "$g0" "$g1")"
music="streams=$(sed -n 's/^streams=//p' "$OUT/sink.properties" 2>/dev/null) packets=$(sed -n 's/^packets=//p' "$OUT/sink.properties" 2>/dev/null) |dev| p99=$(sed -n 's/^dev_p99_ms=//p' "$OUT/sink.properties" 2>/dev/null)ms"
awk -v n="$n" -v p50="$p50" -v p99="$p99" -v max="$max" -v over="$over50" -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" \
  -v up0="$up0" -v up1="$up1" -v ok="$((ok1 - ok0))" -v failed="$failed" -v gp="$pauses" -v gm="${max_pause:-0}" \
  -v la0="$load" -v la1="$load1" -v music="$music" '
  BEGIN { t = (t1 - t0) / 1000; cpu = (c1 - c0) / 100;
          printf "window %.1fs: %d dispatches (%.1f/s) latency p50=%sms p99=%sms max=%sms (%d over 50 ms); server cpu=%.1fs (%.0f%% of a core, %.1f ms/dispatched call); callers up %s-%s, %d calls ended, %s failed (whole run); gc: %d pauses max %sms; load %s -> %s; music at the sink (whole run): %s\n",
                 t, n, n / t, p50, p99, max, over, cpu, 100 * cpu / t, 1000 * cpu / (n > 0 ? n : 1), up0, up1, ok, failed, gp, gm, la0, la1, music }' \
  | tee -a "$OUT/results.txt" | tee -a "$OUT/summary.txt" >&2
log "done"
