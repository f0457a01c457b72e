#!/usr/bin/env bash
# local-broker.sh start|stop|status: a standalone single-node KRaft Kafka broker process for
# development, run from the Kafka jars Heed's build already has (streams/target/lib); no Docker.
#
#   deploy/local-broker.sh start      # formats storage on first start, then kafka.Kafka
#   ./heed run --bootstrap-servers 127.0.0.1:9092
#   deploy/local-broker.sh stop
#
# Environment: HEED_BROKER_DIR (data, default heed-data/local-broker), HEED_BROKER_PORT (client
# port, default 9092), HEED_BROKER_CONTROLLER_PORT (default 9093), HEED_BROKER_HEAP (default
# 512m), HEED_BROKER_START_TIMEOUT (seconds, default 90); HEED_BROKER_PROXIED_PORT and
# HEED_BROKER_PROXY_PORT (both or neither): a second listener on the first port that tells its
# clients to connect through a TCP proxy on the second (the fault tests' network partition).
set -euo pipefail
HEED_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${HEED_BROKER_DIR:-$HEED_HOME/heed-data/local-broker}"
PORT="${HEED_BROKER_PORT:-9092}"
CONTROLLER_PORT="${HEED_BROKER_CONTROLLER_PORT:-9093}"
HEAP="${HEED_BROKER_HEAP:-512m}"
TIMEOUT="${HEED_BROKER_START_TIMEOUT:-90}"
LIB="$HEED_HOME/streams/target/lib"
PIDFILE="$DIR/broker.pid"
LOG="$DIR/broker.log"

die() { echo "local-broker: $*" >&2; exit 1; }

pid() { [ -f "$PIDFILE" ] && cat "$PIDFILE" || true; }

running() {
  local p
  p="$(pid)"
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

classpath() {
  if ! ls "$LIB"/kafka_2.13-*.jar >/dev/null 2>&1; then
    command -v mvn >/dev/null 2>&1 || die "no Kafka jars in $LIB and mvn not found; install Maven"
    echo "local-broker: building Heed to get the Kafka jars (first time only)..." >&2
    (cd "$HEED_HOME" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
  fi
  echo "$LIB/*"
}

write_config() {
  mkdir -p "$DIR/data"
  local listeners="PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT"
  local advertised="PLAINTEXT://127.0.0.1:$PORT"
  local protocols="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
  if [ -n "${HEED_BROKER_PROXIED_PORT:-}" ]; then
    [ -n "${HEED_BROKER_PROXY_PORT:-}" ] || die "HEED_BROKER_PROXIED_PORT needs HEED_BROKER_PROXY_PORT"
    listeners="$listeners,PROXIED://127.0.0.1:$HEED_BROKER_PROXIED_PORT"
    advertised="$advertised,PROXIED://127.0.0.1:$HEED_BROKER_PROXY_PORT"
    protocols="$protocols,PROXIED:PLAINTEXT"
  fi
  cat > "$DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=$listeners
advertised.listeners=$advertised
controller.listener.names=CONTROLLER
listener.security.protocol.map=$protocols
inter.broker.listener.name=PLAINTEXT
log.dirs=$DIR/data
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat > "$DIR/logback.xml" <<EOF
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d %-5level %logger{24} - %msg%n</pattern></encoder>
  </appender>
  <root level="${HEED_KAFKA_LOG_LEVEL:-WARN}"><appender-ref ref="OUT"/></root>
</configuration>
EOF
}

start() {
  if running; then
    echo "local-broker: already running (pid $(pid)) on 127.0.0.1:$PORT"
    return 0
  fi
  if listening; then
    die "port $PORT on 127.0.0.1 is taken by another process; stop it or set HEED_BROKER_PORT"
  fi
  command -v java >/dev/null 2>&1 || die "java not found; install JDK 17 or newer"
  local cp
  cp="$(classpath)"
  write_config
  if [ ! -f "$DIR/data/meta.properties" ]; then
    local id
    id="$(java "-Dlogback.configurationFile=$DIR/logback.xml" -cp "$cp" kafka.tools.StorageTool random-uuid)"
    java "-Dlogback.configurationFile=$DIR/logback.xml" -cp "$cp" kafka.tools.StorageTool format --ignore-formatted -t "$id" \
      -c "$DIR/server.properties" >> "$LOG" 2>&1 \
      || die "formatting $DIR/data failed; see $LOG"
  fi
  # Kafka logs through SLF4J to logback (in lib): WARN unless HEED_KAFKA_LOG_LEVEL says otherwise
  nohup java "-Xmx$HEAP" -Xms128m "-Dlogback.configurationFile=$DIR/logback.xml" \
    -cp "$cp" kafka.Kafka "$DIR/server.properties" >> "$LOG" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  local waited=0
  until listening; do
    if ! running; then
      rm -f "$PIDFILE"
      die "the broker exited during start; see $LOG"
    fi
    if [ "$waited" -ge $((TIMEOUT * 5)) ]; then
      die "the broker did not listen on 127.0.0.1:$PORT within ${TIMEOUT}s; see $LOG (still running as pid $(pid))"
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  echo "local-broker: started (pid $(pid)) on 127.0.0.1:$PORT, data in $DIR"
}

stop() {
  if ! running; then
    rm -f "$PIDFILE"
    echo "local-broker: not running"
    return 0
  fi
  local p waited=0
  p="$(pid)"
  kill -TERM "$p"
  while kill -0 "$p" 2>/dev/null; do
    if [ "$waited" -ge 300 ]; then
      echo "local-broker: pid $p did not stop in 60 s; killing it" >&2
      kill -KILL "$p" 2>/dev/null || true
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  rm -f "$PIDFILE"
  echo "local-broker: stopped (pid $p)"
}

status() {
  if running; then
    if listening; then
      echo "local-broker: running (pid $(pid)) on 127.0.0.1:$PORT, data in $DIR"
    else
      echo "local-broker: starting (pid $(pid)), not yet listening on 127.0.0.1:$PORT"
    fi
    return 0
  fi
  echo "local-broker: not running"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
