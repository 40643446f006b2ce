#!/usr/bin/env bash
# Media benchmark (docs/performance.md "Media"): how many concurrent G.711 media sessions the server
# carries on this machine, stepped up in concurrency, against ReachPBX (in-memory H2, -Xmx1g,
# -Xlog:gc) with the tenant of benchmarks/media/media-bench-tenant.yaml, only over loopback:
#   voicemail  the carrier (SIPp on 127.0.0.2) calls voicemail extension 600: greeting and beep
#              played, then SIPp plays g711a.pcap's 7.08 s of audio as 20 ms packets
#              (play_pcap_audio) and keys #; the server stores the message, says "message saved"
#              and hangs up (testdata/sipp/vm-leave-message.xml, its SDP pointed at the RTP sink)
#   play       calls to auto-answer 652: the server plays an 11.6 s prompt and hangs up (sessions
#              that only play; auto-answer-load.xml)
#   signalling calls to auto-answer 651 (no sound: answered and released at once) at the same call
#              rates: the signalling-only figure of the same run (CPU per call without audio)
#   sipcompare (not in "all") benchmarks/sip/run-load.sh barred with 5 s steps, after this server
#              stopped. Since commit 538ffcf (digest uri must name the Request-URI) the server
#              answers SIPp's digest (uri sip:<server>:<port>) with 400, so it fails there for now
#   relay      calls relayed by the server: the carrier (SIPp on 127.0.0.2) calls 0301250700, a
#              forward extension whose destination goes back out over the second, outbound-only
#              trunk (a second SIPp on 127.0.0.3, relay-callee.xml); the tenant has anchorMedia:
#              ALWAYS, so the server answers both legs with its own SDP and relays the RTP. Both
#              SIPps play g711a.pcap's 7.08 s as 20 ms packets after the ACK (G.711 both ways); the
#              caller hangs up after 7.4 s (relay-caller.xml). Measured besides the common figures:
#              the relayed packets' timing at the callee and at the caller (kernel timestamps with
#              tcpdump) against SIPp's own sending, and with CAPTURE=1 the relay's added latency
#              (org.reachpbx.bench.media.RelayLatency: each packet the server sends to the callee
#              matched to the caller's packet with the same payload on the paired stream).
#              RTP_SENDER picks who sends the calls' RTP: java (default) one pacing thread for all
#              calls of both SIPps, each call from a socket of its own (org.reachpbx.bench.media.
#              RtpSource, relay-caller-source.xml / relay-callee-source.xml); pcap SIPp's
#              play_pcap_audio, one thread per call (1,000 threads at 500 calls), which on 2 cores
#              cannot pace itself; rtpstream SIPp's rtp_stream action (3.6.1), RTP_THREADTASKS calls
#              a thread, which sends pairs whenever a thread wakes a millisecond late
#
#   benchmarks/media/run-media.sh [all|voicemail|play|signalling|relay|sipcompare]...
#   (LEVELS_RELAY, default "50 100 200 300 400 500")
#
# Each step starts N calls (-l N -m N) at N / RAMP_SECONDS calls a second, so all N are up together
# for most of the call, and waits for them to end (each step well under 30 s plus the ramp).
# Measured per step: failed calls (SIPp), the server's outgoing packet intervals at the RTP sink
# (org.reachpbx.bench.media.RtpSink: |gap - 20 ms| p50/p99/max over every stream, lost sequence
# numbers), for voicemail the stored messages against the capture (org.reachpbx.bench.media.MessageCheck
# over the REST API: sound and sound span within ±20 ms / ±100 ms), the server's CPU time
# (/proc/<pid>/stat) and its GC pauses (count and longest, from the -Xlog:gc file).
# A step passes with 0 failed calls; the search of a kind stops at the first step that fails. The
# stored messages and packet timing are reported for every step, pass or not. With tcpdump installed
# (CAPTURE=1, the default then) the server's packets to the sink and SIPp's to the server are also
# captured on lo and measured on the kernel's timestamps (RtpSink --pcap), which a busy machine's
# scheduling of the sink does not skew.
#
# Environment: SKIP_BUILD=1 (use the jars already built), LEVELS_VM / LEVELS_PLAY (concurrency
# steps, default "50 100 200 300 500"), RAMP_SECONDS (default 5), CAPTURE (1: tcpdump, as root),
# OUT (result dir), SERVER_ARGS (more server options, e.g. --pbx.media.io-threads=1 to compare),
# SERVER_CPUS / LOAD_CPUS (taskset CPU lists: e.g. SERVER_CPUS=1 LOAD_CPUS=0 gives the server a core of
# its own and puts SIPp, the sink and tcpdump on the other, as the server would have in production),
# RT_READERS=1 (the server's RTP reader threads at real-time priority: --pbx.media.reader-priority=10, as root),
# SERVER_JVM_OPTS (more JVM options for the server, e.g. -XX:+UseZGC), RTP_SENDER (relay: java, pcap or
# rtpstream, above), SOURCE_RT=1 (RtpSource's pacing thread at real-time priority 5, below the readers'
# 10, as root: it stands in for a thousand phones with a CPU each, whose pacing is not under test).
# Needs sipp (Debian sip-tester, with /usr/share/sip-tester/*.pcap; play_pcap_audio sends through a
# raw socket: run as root), java 17, curl. Ports: SIP 5190 (server), 127.0.0.2:5189 (SIPp),
# HTTP 18190, RTP 30000-33999 (server), 127.0.0.2:46000 (SIPp media), 127.0.0.2:47000 (sink); relay also
# 127.0.0.3:5188 and :48000 (callee SIPp), and with RTP_SENDER=java 127.0.0.2:45999 and RtpSource's sockets
# from 127.0.0.2:50000 and 127.0.0.3:52000, 4 ports a call.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/benchmarks/media
OUT=${OUT:-$ROOT/benchmarks/target/media/$(date -u +%Y%m%dT%H%M%SZ)}
LEVELS_VM=${LEVELS_VM:-"50 100 200 300 500"}
LEVELS_PLAY=${LEVELS_PLAY:-"50 100 200 300 500"}
LEVELS_RELAY=${LEVELS_RELAY:-"50 100 200 300 400 500"}
RAMP_SECONDS=${RAMP_SECONDS:-5}
CAPTURE=${CAPTURE:-$(command -v tcpdump >/dev/null && echo 1 || echo 0)}
PBX_PORT=5190
PBX_HTTP=18190
TRUNK_IP=127.0.0.2
TRUNK_PORT=5189
CALLEE_IP=127.0.0.3
CALLEE_PORT=5188
CALLEE_MEDIA_PORT=48000
SIPP_MEDIA_PORT=46000
SINK_PORT=47000
RTP_PORTS=30000-33999
ADMIN=admin:demo-admin
PCAPS=/usr/share/sip-tester
SERVER_ON=${SERVER_CPUS:+taskset -c $SERVER_CPUS}
LOAD_ON=${LOAD_CPUS:+taskset -c $LOAD_CPUS}
RT_READERS=${RT_READERS:-0}
RTP_SENDER=${RTP_SENDER:-java}
RTP_THREADTASKS=${RTP_THREADTASKS:-100}
SOURCE_RT=${SOURCE_RT:-0}
[[ $RT_READERS == 1 ]] && SERVER_ARGS="${SERVER_ARGS:-} --pbx.media.reader-priority=10"
mkdir -p "$OUT/work"
BENCH=media
# shellcheck source=../lib.sh
source "$ROOT/benchmarks/lib.sh"
[[ -r $PCAPS/g711a.pcap ]] || { echo "run-media.sh: $PCAPS/g711a.pcap not found (sip-tester)" >&2; exit 1; }

row() { printf '%s\n' "$*" | tee -a "$OUT/results.txt" >&2; }

build

# The captures SIPp plays, in its working directory: the message as 20 ms packets, and the # key.
java -cp "$CP" org.reachpbx.media.testing.RtpPcap repacketize "$PCAPS/g711a.pcap" "$OUT/work/message.pcap" 160 \
  | tee -a "$OUT/summary.txt"
cp "$PCAPS/dtmf_2833_pound.pcap" "$OUT/work/"
# The relay scenarios by RTP_SENDER. RtpSource and rtp_stream play a headerless G.711 file cut from
# the same capture.
RELAY_CALLER=$HERE/relay-caller.xml
RELAY_CALLEE=$HERE/relay-callee.xml
RELAY_SIPP_ARGS=()
SOURCE_CONTROL_PORT=45999 # on $TRUNK_IP: the caller SIPp's notices to RtpSource
SOURCE_PORT_OFFSET=4000   # RtpSource's sockets: the SIPps' -mp + 4000 + 4 per call ([auto_media_port+4000])
[[ $RTP_SENDER == pcap ]] || java -cp "$CP" org.reachpbx.media.testing.RtpPcap raw "$OUT/work/message.pcap" "$OUT/work/message.alaw"
case $RTP_SENDER in
  pcap) ;;
  java)
    RELAY_CALLER=$HERE/relay-caller-source.xml
    RELAY_CALLEE=$HERE/relay-callee-source.xml
    RELAY_SIPP_ARGS=(-key source_ip "$TRUNK_IP" -key source_port "$SOURCE_CONTROL_PORT")
    ;;
  rtpstream)
    for f in relay-caller relay-callee; do
      sed -e 's|<exec play_pcap_audio="message.pcap"/>|<exec rtp_stream="message.alaw,1,8"/>|' "$HERE/$f.xml" >"$OUT/work/$f.xml"
    done
    RELAY_CALLER=$OUT/work/relay-caller.xml
    RELAY_CALLEE=$OUT/work/relay-callee.xml
    RELAY_SIPP_ARGS=(-rtp_threadtasks "$RTP_THREADTASKS")
    ;;
  *) echo "run-media.sh: RTP_SENDER must be java, pcap or rtpstream" >&2; exit 2 ;;
esac
# The leave-a-message scenario of the interop tests, its SDP naming the RTP sink.
sed -e 's/c=IN IP\[media_ip_type\] \[media_ip\]/c=IN IP4 [sink_ip]/' -e 's/m=audio \[media_port\]/m=audio [sink_port]/' \
  "$ROOT/testdata/sipp/vm-leave-message.xml" >"$OUT/work/vm-leave-load.xml"

PBX_PID=
TENANT=
start_server() {
  # a server of an earlier run may still be stopping: the import below must not reach it
  wait_until_server_gone 60
  log "starting ReachPBX on 127.0.0.1:$PBX_PORT (trunk $TRUNK_IP:$TRUNK_PORT, RTP $RTP_PORTS), in-memory H2, -Xmx1g"
  # shellcheck disable=SC2086 # SERVER_ON, SERVER_JVM_OPTS, SERVER_ARGS: split into words
  start_server_process $SERVER_ON java -Xmx1g ${SERVER_JVM_OPTS:-} "-Xlog:gc:file=$OUT/gc.log:uptime" -jar "$JAR" --server.port=$PBX_HTTP \
    --spring.datasource.url=jdbc:h2:mem:media --pbx.sip.host=127.0.0.1 --pbx.sip.port=$PBX_PORT \
    --pbx.sip.digest-algorithms=MD5,SHA-256 "--pbx.sip.trunks[0].host=$TRUNK_IP" "--pbx.sip.trunks[0].port=$TRUNK_PORT" \
    --pbx.sip.trunks[0].outbound=false "--pbx.sip.trunks[1].name=callee" "--pbx.sip.trunks[1].host=$CALLEE_IP" \
    "--pbx.sip.trunks[1].port=$CALLEE_PORT" --pbx.sip.trunks[1].inbound=false \
    --pbx.media.address=127.0.0.1 --pbx.media.rtp-ports=$RTP_PORTS \
    --logging.level.org.reachpbx.server.sip=WARN --logging.level.org.reachpbx.media=WARN ${SERVER_ARGS:-}
  wait_for_server 600
  import_tenant "$HERE/media-bench-tenant.yaml"
  log "imported tenant $TENANT; server pid $PBX_PID"
  if [[ $RT_READERS == 1 ]]; then
    local t
    for t in /proc/"$PBX_PID"/task/*; do
      if [[ $(cat "$t/comm") == media-rtp-* ]]; then
        log "RTP reader thread ${t##*/}: $(chrt -p "${t##*/}" | tr '\n' ' ')"
      fi
    done
  fi
  sleep 3
}

# step <kind> <number> <scenario> <n> : N calls to <number>; appends a result row; returns 1 when the step failed
step() {
  local kind=$1 number=$2 scenario=$3 n=$4
  local label=$kind-$n rate rc=0
  rate=$(((n + RAMP_SECONDS - 1) / RAMP_SECONDS))
  local sink_file=$OUT/$label-sink.properties
  $LOAD_ON java -Xmx256m -cp "$CP" org.reachpbx.bench.media.RtpSink $TRUNK_IP $SINK_PORT "$sink_file" >"$OUT/$label-sink.out" 2>&1 &
  local sink=$!
  pids+=("$sink")
  local caps=()
  if [[ $CAPTURE == 1 ]]; then
    # kernel timestamps of the server's packets to the sink and, for voicemail, of SIPp's to the server
    local to_sink="udp and dst host $TRUNK_IP and dst port $SINK_PORT"
    # relay: what the server sends to the callee (the caller's audio, relayed): from its RTP ports to
    # the callee's even ports (SIPp's media port or RtpSource's sockets; not RTCP, on the odd ones)
    [[ $kind == relay ]] && to_sink="udp and src host 127.0.0.1 and src portrange $RTP_PORTS and dst host $CALLEE_IP and (udp[2:2] & 1) = 0"
    $LOAD_ON tcpdump -i lo -n -s 96 -B 65536 --time-stamp-precision=nano -w "$OUT/$label-server.pcap" \
      "$to_sink" >"$OUT/$label-tcpdump.log" 2>&1 &
    caps+=("$!")
    if [[ $kind == voicemail || $kind == relay ]]; then
      $LOAD_ON tcpdump -i lo -n -s 96 -B 65536 --time-stamp-precision=nano -w "$OUT/$label-caller.pcap" \
        "udp and src host $TRUNK_IP and dst host 127.0.0.1 and dst portrange $RTP_PORTS" >>"$OUT/$label-tcpdump.log" 2>&1 &
      caps+=("$!")
    fi
    pids+=("${caps[@]}")
  fi
  local callee="" callee_rc=0 source=""
  if [[ $kind == relay && $RTP_SENDER == java ]]; then
    $LOAD_ON java -Xmx256m -XX:+UseSerialGC -cp "$CP" org.reachpbx.bench.media.RtpSource "$OUT/work/message.alaw" \
      "$TRUNK_IP:$SOURCE_CONTROL_PORT" "$TRUNK_IP:$((SIPP_MEDIA_PORT + SOURCE_PORT_OFFSET)):$n" \
      "$CALLEE_IP:$((CALLEE_MEDIA_PORT + SOURCE_PORT_OFFSET)):$n" >"$OUT/$label-source.out" 2>&1 &
    source=$!
    pids+=("$source")
  fi
  if [[ $kind == relay ]]; then
    (cd "$OUT/work" && timeout 150 $LOAD_ON sipp -sf "$RELAY_CALLEE" "${RELAY_SIPP_ARGS[@]}" -i $CALLEE_IP -p $CALLEE_PORT \
      -mp $CALLEE_MEDIA_PORT -m "$n" -nostdin -recv_timeout 40000 -trace_stat -stf "$OUT/$label-callee.csv" -fd 1 \
      -trace_err -error_file "$OUT/$label-callee-errors.log" >"$OUT/$label-callee.out" 2>&1) &
    callee=$!
    pids+=("$callee")
  fi
  sleep 2
  if [[ -n $source && $SOURCE_RT == 1 ]]; then
    local t
    for t in /proc/"$source"/task/*; do
      if [[ $(cat "$t/comm") == rtp-source-pac* ]]; then
        chrt -f -p 5 "${t##*/}"
        log "RtpSource's pacing thread ${t##*/}: $(chrt -p "${t##*/}" | tr '\n' ' ')"
      fi
    done
  fi
  local t0 c0 g0 load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(date +%s.%N)
  c0=$(cpu_ticks)
  g0=$(gc_lines)
  local more=()
  [[ $kind == relay ]] && more=("${RELAY_SIPP_ARGS[@]}")
  (cd "$OUT/work" && timeout 120 $LOAD_ON sipp -sf "$scenario" "${more[@]}" -s "$number" 127.0.0.1:$PBX_PORT -i $TRUNK_IP -p $TRUNK_PORT \
    -mp $SIPP_MEDIA_PORT -key sink_ip $TRUNK_IP -key sink_port $SINK_PORT -l "$n" -m "$n" -r "$rate" \
    -nostdin -recv_timeout 40000 -trace_stat -stf "$OUT/$label.csv" -fd 1 -trace_err \
    -error_file "$OUT/$label-errors.log" >"$OUT/$label.out" 2>&1) || rc=$?
  if [[ -n $callee ]]; then
    wait "$callee" || callee_rc=$?
    [[ $callee_rc == 0 ]] || rc=$callee_rc
  fi
  local t1 c1 g1
  t1=$(date +%s.%N)
  c1=$(cpu_ticks)
  g1=$(gc_lines)
  kill -TERM "$sink" 2>/dev/null || true
  wait "$sink" 2>/dev/null || true
  if [[ -n $source ]]; then
    log "RtpSource CPU over its life: $(awk '{ printf "%.1f s", ($14 + $15) / 100 }' "/proc/$source/stat" 2>/dev/null)"
    kill -TERM "$source" 2>/dev/null || true
    wait "$source" 2>/dev/null || true
  fi
  local kernel="" callerline="" cap
  if [[ ${#caps[@]} -gt 0 ]]; then
    sleep 1
    for cap in "${caps[@]}"; do kill -INT "$cap" 2>/dev/null || true; wait "$cap" 2>/dev/null || true; done
    java -Xmx2g -cp "$CP" org.reachpbx.bench.media.RtpSink --pcap "$OUT/$label-server.pcap" \
      "$OUT/$label-server-pcap.properties" >/dev/null 2>&1 || true
    kernel="server->$([[ $kind == relay ]] && echo callee || echo sink) (kernel timestamps): |dev| p50=$(sed -n 's/^dev_p50_ms=//p' "$OUT/$label-server-pcap.properties") p99=$(sed -n 's/^dev_p99_ms=//p' "$OUT/$label-server-pcap.properties") max=$(sed -n 's/^dev_max_ms=//p' "$OUT/$label-server-pcap.properties")ms lost=$(sed -n 's/^lost=//p' "$OUT/$label-server-pcap.properties")"
    if [[ -f $OUT/$label-caller.pcap ]]; then
      java -Xmx2g -cp "$CP" org.reachpbx.bench.media.RtpSink --pcap "$OUT/$label-caller.pcap" \
        "$OUT/$label-caller-pcap.properties" >/dev/null 2>&1 || true
      callerline="SIPp->server (kernel): |dev| p99=$(sed -n 's/^dev_p99_ms=//p' "$OUT/$label-caller-pcap.properties") max=$(sed -n 's/^dev_max_ms=//p' "$OUT/$label-caller-pcap.properties")ms"
      if [[ $kind == relay ]]; then
        java -Xmx2g -cp "$CP" org.reachpbx.bench.media.RelayLatency "$OUT/$label-caller.pcap" "$OUT/$label-server.pcap" \
          "$OUT/$label-latency.properties" >"$OUT/$label-latency.out" 2>&1 || true
        callerline="$callerline relay latency: p50=$(sed -n 's/^latency_p50_ms=//p' "$OUT/$label-latency.properties") p99=$(sed -n 's/^latency_p99_ms=//p' "$OUT/$label-latency.properties") max=$(sed -n 's/^latency_max_ms=//p' "$OUT/$label-latency.properties")ms over $(sed -n 's/^matched=//p' "$OUT/$label-latency.properties") packets of $(sed -n 's/^pairs=//p' "$OUT/$label-latency.properties") streams ($(sed -n 's/^unclear_streams=//p' "$OUT/$label-latency.properties") unclear)"
      fi
    fi
    rm -f "$OUT/$label-server.pcap" "$OUT/$label-caller.pcap"
  fi
  local success failed
  success=$(sipp_counter "$OUT/$label.csv" 'SuccessfulCall(C)')
  failed=$(sipp_counter "$OUT/$label.csv" 'FailedCall(C)')
  # GC pauses of the step: count and longest
  local pauses max_pause
  read -r pauses max_pause <<<"$(gc_pauses "$g0" "$g1")"
  local heap
  heap=$(grep 'Pause' "$OUT/gc.log" | tail -n 1 | grep -o -- '->[0-9]*M' | tr -d '>M-' || true)
  # the stored messages (voicemail only)
  local check="-"
  local within100=$success
  if [[ $kind == voicemail ]]; then
    sleep 2
    java -cp "$CP" org.reachpbx.bench.media.MessageCheck "http://127.0.0.1:$PBX_HTTP" $ADMIN "$TENANT" 600 \
      "$OUT/work/message.pcap" >"$OUT/$label-messages.properties" 2>&1 || true
    # shellcheck disable=SC1090
    local messages within20 sdmin sdmax spmin spmax
    messages=$(sed -n 's/^messages=//p' "$OUT/$label-messages.properties")
    within20=$(sed -n 's/^within20=//p' "$OUT/$label-messages.properties")
    within100=$(sed -n 's/^within100=//p' "$OUT/$label-messages.properties")
    sdmin=$(sed -n 's/^sound_delta_min_ms=//p' "$OUT/$label-messages.properties")
    sdmax=$(sed -n 's/^sound_delta_max_ms=//p' "$OUT/$label-messages.properties")
    spmin=$(sed -n 's/^span_delta_min_ms=//p' "$OUT/$label-messages.properties")
    spmax=$(sed -n 's/^span_delta_max_ms=//p' "$OUT/$label-messages.properties")
    check="messages=${messages:-?} within20ms=${within20:-?} within100ms=${within100:-?} sound_delta=[${sdmin:-?},${sdmax:-?}]ms span_delta=[${spmin:-?},${spmax:-?}]ms"
  fi
  local p50 p99 pmax lost packets streams
  p50=$(sed -n 's/^dev_p50_ms=//p' "$sink_file" 2>/dev/null)
  p99=$(sed -n 's/^dev_p99_ms=//p' "$sink_file" 2>/dev/null)
  pmax=$(sed -n 's/^dev_max_ms=//p' "$sink_file" 2>/dev/null)
  lost=$(sed -n 's/^lost=//p' "$sink_file" 2>/dev/null)
  packets=$(sed -n 's/^packets=//p' "$sink_file" 2>/dev/null)
  streams=$(sed -n 's/^streams=//p' "$sink_file" 2>/dev/null)
  local verdict
  verdict=$(awk -v s="${success:-0}" -v f="${failed:-1}" -v n="$n" -v w="${within100:-0}" -v k="$kind" -v rc="$rc" \
    'BEGIN { ok = (s == n) && (f == 0) && (rc == 0); print ok ? "ok" : "FAIL" }')
  row "$(awk -v k="$kind" -v n="$n" -v v="$verdict" -v s="${success:-?}" -v f="${failed:-?}" -v t0="$t0" -v t1="$t1" \
    -v c0="$c0" -v c1="$c1" -v p50="${p50:-?}" -v p99="${p99:-?}" -v pmax="${pmax:-?}" -v lost="${lost:-?}" \
    -v pk="${packets:-?}" -v st="${streams:-?}" -v gp="${pauses:-0}" -v gm="${max_pause:-0}" -v heap="${heap:-?}" \
    -v la="$load" -v check="$check $kernel $callerline" '
    BEGIN { t = t1 - t0; cpu = (c1 - c0) / 100;
            printf "%s n=%d %s success=%s failed=%s step=%.1fs cpu=%.1fs (%.0f%% of a core, %.1f ms/call) rtp: %s pkts %s streams |dev| p50=%sms p99=%sms max=%sms lost=%s gc: %d pauses max %sms heap-after %sM load %s %s\n",
                   k, n, v, s, f, t, cpu, 100 * cpu / t, 1000 * cpu / (s > 0 ? s : 1), pk, st, p50, p99, pmax, lost, gp, gm, heap, la, check }')"
  # let the server finish the calls' ends before the next step
  sleep 5
  [[ $verdict == ok ]]
}

search() {
  local kind=$1 number=$2 scenario=$3 levels=$4 n best=0
  log "$kind: concurrency steps $levels (ramp $RAMP_SECONDS s)"
  for n in $levels; do
    if step "$kind" "$number" "$scenario" "$n"; then
      best=$n
    else
      break
    fi
  done
  log "RESULT $kind: $best concurrent calls with 0 failed"
  echo "RESULT $kind $best" >>"$OUT/results.txt"
}

voicemail() { search voicemail 0301250600 "$OUT/work/vm-leave-load.xml" "$LEVELS_VM"; }
play() { search play 0301250652 "$HERE/auto-answer-load.xml" "$LEVELS_PLAY"; }
signalling() {
  # the same call rates as the play steps, without audio: INVITE, 200, ACK, the server's BYE
  local n
  for n in $LEVELS_PLAY; do
    step signalling 0301250651 "$HERE/auto-answer-load.xml" "$n" || break
  done
}
relay() {
  log "relay: RTP sent by $RTP_SENDER$([[ $RTP_SENDER == rtpstream ]] && echo " ($RTP_THREADTASKS calls a thread)")"
  search relay 0301250700 "$RELAY_CALLER" "$LEVELS_RELAY"
}
sipcompare() {
  stop "$PBX_PID"
  PBX_PID=
  log "signalling only: benchmarks/sip/run-load.sh barred (5 s steps)"
  OUT=$OUT/sip-load SKIP_BUILD=1 STEP_SECONDS=5 RATES_BARRED=${RATES_BARRED:-"400 800 1200 1600 2000"} \
    "$ROOT/benchmarks/sip/run-load.sh" barred 2>&1 | tee -a "$OUT/summary.txt" >&2 || true
}

[[ $# -gt 0 ]] || set -- all
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
start_server
for what in "$@"; do
  case $what in
    all) voicemail; play; signalling; relay ;;
    voicemail) voicemail ;;
    play) play ;;
    signalling) signalling ;;
    relay) relay ;;
    sipcompare) sipcompare ;;
    *) echo "run-media.sh: unknown benchmark $what" >&2; exit 2 ;;
  esac
done
log "done: load $(cut -d' ' -f1-3 /proc/loadavg)"
