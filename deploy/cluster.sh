#!/usr/bin/env bash
# A local ReachPBX cluster on loopback addresses, for trying it out (docs/cluster.md):
#   MariaDB 127.0.0.1:3306 (database reachpbx_cluster), Redis 127.0.0.1:6379,
#   two instances: SIP 127.0.0.21:5080 / 127.0.0.22:5080, HTTP 8081 / 8082,
#   Kamailio on 127.0.0.20:5060 dispatching to them (deploy/kamailio/kamailio.cfg).
# Phones register to sip:<tenant domain> with outbound proxy 127.0.0.20:5060.
#
#   deploy/cluster.sh start     starts what is not running (MariaDB and Redis are expected or started)
#   deploy/cluster.sh stop      stops the instances and Kamailio it started (not MariaDB, not Redis)
#   deploy/cluster.sh kill 2    kill -9 of instance 2 (to watch the failover)
# Environment: PBX_ADMIN_PASSWORD (default cluster-admin-secret), PBX_SECRET_KEY (default a fixed
# demo key: never use it in production), CLUSTER_DIR (default /tmp/reachpbx-cluster: logs, pids).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=${CLUSTER_DIR:-/tmp/reachpbx-cluster}
mkdir -p "$dir"
admin=${PBX_ADMIN_PASSWORD:-cluster-admin-secret}
key=${PBX_SECRET_KEY:-3q2+7wABAgMEBQYHCAkKCw==}
db_url="jdbc:mariadb://127.0.0.1:3306/reachpbx_cluster"

log() { printf '[cluster] %s\n' "$*"; }

running() { [[ -f $dir/$1.pid ]] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

ensure_redis() {
  if [[ $(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null) != PONG ]]; then
    log "starting Redis on 127.0.0.1:6379"
    redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes >/dev/null
  fi
}

ensure_database() {
  mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P3306 -uroot \
    -e 'CREATE DATABASE IF NOT EXISTS reachpbx_cluster CHARACTER SET utf8mb4' ||
    { echo "MariaDB must answer on 127.0.0.1:3306 as root without password (see .ci/run)" >&2; exit 1; }
}

start_instance() {
  local n=$1
  running "instance$n" && return 0
  log "starting instance $n: SIP 127.0.0.2$n:5080, HTTP 808$n (log $dir/instance$n.log)"
  ./run --server.port=808"$n" --spring.profiles.active=mariadb \
    --spring.datasource.url="$db_url" --spring.datasource.username=root --spring.datasource.password= \
    --pbx.admin.password="$admin" --pbx.security.secret-key="$key" \
    --pbx.sip.host=127.0.0.2"$n" --pbx.sip.port=5080 --pbx.sip.tls.enabled=false \
    --pbx.sip.edge.allowlist=127.0.0.20/32 --pbx.media.bind-address=127.0.0.2"$n" \
    --pbx.cluster.redis-url=redis://127.0.0.1:6379 "--pbx.demo.enabled=$([[ $n == 1 ]] && echo true || echo false)" \
    >"$dir/instance$n.log" 2>&1 &
  echo $! >"$dir/instance$n.pid"
  local i
  for ((i = 0; i < 180; i++)); do
    curl -fs "http://127.0.0.1:808$n/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "instance $n did not come up; see $dir/instance$n.log" >&2
  exit 1
}

start_kamailio() {
  running kamailio && return 0
  log "starting Kamailio on 127.0.0.20:5060 (log $dir/kamailio.log)"
  /usr/sbin/kamailio -DD -E -f deploy/kamailio/kamailio.cfg -Y "$dir" -P "$dir/kamailio.pid.k" \
    -A "DS_LIST=\"$PWD/deploy/kamailio/dispatcher.list\"" -A PROBE_SECS=2 >"$dir/kamailio.log" 2>&1 &
  echo $! >"$dir/kamailio.pid"
}

case ${1:-start} in
  start)
    ensure_redis
    ensure_database
    start_instance 1   # imports the demo tenant into the shared database
    start_instance 2
    start_kamailio
    log "up: register phones through 127.0.0.20:5060"
    ;;
  stop)
    for p in kamailio instance1 instance2; do
      if running "$p"; then
        log "stopping $p"
        kill "$(cat "$dir/$p.pid")"
      fi
      rm -f "$dir/$p.pid"
    done
    ;;
  kill)
    n=${2:?which instance: 1 or 2}
    running "instance$n" && kill -9 "$(cat "$dir/instance$n.pid")"
    rm -f "$dir/instance$n.pid"
    ;;
  *)
    echo "usage: $0 start|stop|kill N" >&2
    exit 2
    ;;
esac
