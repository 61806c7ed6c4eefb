#!/usr/bin/env bash
# A real single-node Apache Kafka broker for local use and tests: KRaft mode (broker and controller
# in one JVM), listening on 127.0.0.1 only, run from jars that Maven fetches from Maven Central
# (no Docker, no tarball).
#
#   scripts/kafka-local.sh start    fetch the jars (once), format the data folder (once), start the
#                                   broker and wait until it serves clients
#   scripts/kafka-local.sh stop     stop the broker by the PID in its data folder
#   scripts/kafka-local.sh status   exit 0 when it runs and listens, 3 when it does not
#   scripts/kafka-local.sh topics   create the input, output (compacted) and dead-letter topics
#
# Environment (defaults in brackets):
#   KAFKA_PORT [9092]              client port (PLAINTEXT)
#   KAFKA_CONTROLLER_PORT [9093]   KRaft controller port
#   NEWS_MENTIONS_HOME [~/.cache/news-mentions]  where the jars go (kafka-VERSION/)
#   KAFKA_DATA_DIR [$NEWS_MENTIONS_HOME/kafka-data-$KAFKA_PORT]  config, logs, PID file, topic data
#   KAFKA_HEAP_OPTS [-Xms256m -Xmx512m]
#   KAFKA_START_TIMEOUT [90]       seconds to wait for the broker to come up
#   KAFKA_INPUT_TOPIC [news-articles], KAFKA_OUTPUT_TOPIC [news-mention-counts],
#   KAFKA_DEAD_LETTER_TOPIC [news-dead-letters], KAFKA_INPUT_PARTITIONS [3]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

version=4.1.1
port="${KAFKA_PORT:-9092}"
cport="${KAFKA_CONTROLLER_PORT:-9093}"
home="${NEWS_MENTIONS_HOME:-$HOME/.cache/news-mentions}"
jars="$home/kafka-$version"
data="${KAFKA_DATA_DIR:-$home/kafka-data-$port}"
pid_file="$data/kafka.pid"
log_file="$data/kafka.log"
heap="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
timeout="${KAFKA_START_TIMEOUT:-90}"

die() {
  echo "kafka-local: $*" >&2
  exit 1
}

# The PID from the PID file when that process is alive and is this folder's broker.
broker_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid="$(cat "$pid_file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # A recycled PID must not be taken for the broker.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "kafka.Kafka $data/server.properties" \
    || return 1
  echo "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

fetch_jars() {
  [ -f "$jars/.complete" ] && return 0
  echo "kafka-local: fetching Kafka $version jars into $jars (once, about 55 MB)..." >&2
  local tmp="$jars.partial.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! mvn -q -B -ntp -Dstyle.color=never -f "$repo/scripts/kafka/pom.xml" dependency:copy-dependencies \
      -Dkafka.broker.version="$version" -DincludeScope=runtime -DoutputDirectory="$tmp" >&2; then
    rm -rf "$tmp"
    die "could not fetch the Kafka jars with Maven (is Maven Central reachable?)"
  fi
  rm -rf "$jars"
  mv "$tmp" "$jars"
  touch "$jars/.complete"
}

write_config() {
  mkdir -p "$data/log"
  cat >"$data/server.properties" <<EOF
# Written by scripts/kafka-local.sh on each start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$data/log
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# A mistyped topic name should fail, not create an empty topic.
auto.create.topics.enable=false
# Articles may be up to 2 MiB (--maxArticleBytes); leave room.
message.max.bytes=4194304
EOF
  cat >"$data/log4j2.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
EOF
}

java_tool() {
  java -Xmx256m -Dlog4j2.configurationFile="$data/log4j2.properties" -cp "$jars/*" "$@"
}

format_storage() {
  [ -f "$data/log/meta.properties" ] && return 0
  local id
  id="$(java_tool kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  [ -n "$id" ] || die "StorageTool random-uuid gave no cluster id"
  java_tool kafka.tools.StorageTool format -t "$id" -c "$data/server.properties" >>"$log_file" 2>&1 \
    || die "formatting $data/log failed; see $log_file"
  echo "$id" >"$data/cluster.id"
}

start() {
  local pid
  if pid="$(broker_pid)"; then
    echo "kafka-local: already running (pid $pid) on 127.0.0.1:$port, data in $data"
    return 0
  fi
  port_open "$port" && die "port $port is already in use by another process (set KAFKA_PORT)"
  port_open "$cport" && die "port $cport is already in use by another process (set KAFKA_CONTROLLER_PORT)"
  command -v java >/dev/null || die "java is not installed"
  fetch_jars
  mkdir -p "$data"
  write_config
  format_storage
  local mark
  mark=$(($(wc -l <"$log_file" 2>/dev/null || echo 0)))
  # shellcheck disable=SC2086
  nohup java $heap -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$data/log4j2.properties" -cp "$jars/*" \
    kafka.Kafka "$data/server.properties" </dev/null >>"$log_file" 2>&1 &
  pid=$!
  echo "$pid" >"$pid_file"
  local waited=0
  while true; do
    # The process itself, not broker_pid: until nohup has exec'd java its command line is still
    # this shell's, which broker_pid would take for a recycled PID.
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log_file" >&2
      rm -f "$pid_file"
      die "the broker exited during start; log: $log_file"
    fi
    if tail -n +"$((mark + 1))" "$log_file" | grep -q "Kafka Server started" && port_open "$port"; then
      break
    fi
    if [ "$waited" -ge $((timeout * 2)) ]; then
      tail -n 30 "$log_file" >&2
      kill "$pid" 2>/dev/null || true
      die "the broker did not come up within ${timeout}s; log: $log_file"
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  echo "kafka-local: running (pid $pid) on 127.0.0.1:$port, data in $data"
}

stop() {
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$pid_file"
    echo "kafka-local: not running (127.0.0.1:$port, data in $data)"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka-local: pid $pid still running after 30 s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
  echo "kafka-local: stopped (pid $pid)"
}

status() {
  local pid
  if pid="$(broker_pid)" && port_open "$port"; then
    echo "kafka-local: running (pid $pid) on 127.0.0.1:$port, data in $data"
    return 0
  fi
  echo "kafka-local: not running (127.0.0.1:$port, data in $data)"
  return 3
}

create_topic() {
  local topic="$1" partitions="$2"
  shift 2
  java_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" \
    --create --if-not-exists --topic "$topic" --partitions "$partitions" \
    --replication-factor 1 "$@" >/dev/null \
    || die "could not create topic $topic"
  echo "kafka-local: topic $topic ($partitions partition(s)${*:+, $*})"
}

topics() {
  broker_pid >/dev/null || die "no broker running on 127.0.0.1:$port; run: $0 start"
  fetch_jars
  create_topic "${KAFKA_INPUT_TOPIC:-news-articles}" "${KAFKA_INPUT_PARTITIONS:-3}"
  # Counts are upserts keyed window_start|entity_id: compaction keeps the latest value per key.
  create_topic "${KAFKA_OUTPUT_TOPIC:-news-mention-counts}" 1 --config cleanup.policy=compact
  create_topic "${KAFKA_DEAD_LETTER_TOPIC:-news-dead-letters}" 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  topics) topics ;;
  *)
    echo "usage: $0 start|stop|status|topics" >&2
    exit 2
    ;;
esac
