#!/usr/bin/env bash
# A real Flink session cluster on this machine: one JobManager and one TaskManager, each its own
# JVM, listening on 127.0.0.1 only, with the web UI and REST API on port FLINK_REST_PORT.
#
#   scripts/flink-local.sh start    fetch the Flink jars if needed, start, wait for the TaskManager
#   scripts/flink-local.sh stop     stop both JVMs (SIGTERM to the saved PIDs, SIGKILL after 30 s)
#   scripts/flink-local.sh status   PIDs, REST address, TaskManagers, slots, jobs (exit 1 if down)
#   scripts/flink-local.sh fetch    only fetch the jars
#   scripts/flink-local.sh dir      print the cluster folder (config, logs, checkpoints)
#
# Flink is not downloaded as its distribution archive (which Maven Central does not carry): the
# cluster's classpath is assembled from the separate Flink jars of FLINK_VERSION, copied by Maven
# from scripts/flink-cluster/pom.xml into a cache folder. Its minor version must be the one the
# Beam Flink runner was built for (1.19); the patch can be newer.
#
# Environment (defaults in brackets):
#   FLINK_VERSION       [1.19.3]
#   NEWS_MENTIONS_HOME  [~/.cache/news-mentions] cache: jars in NEWS_MENTIONS_HOME/flink-VERSION/lib
#   FLINK_REST_PORT     [8081] web UI and REST API on 127.0.0.1
#   FLINK_LOCAL_DIR     [NEWS_MENTIONS_HOME/flink-local-PORT] the cluster folder: conf/ (written
#                       at each start), log/, checkpoints/, savepoints/, tmp/, and the PID files
#   FLINK_SLOTS         [2] task slots (and default parallelism)
#   FLINK_JM_MEMORY     [1024m] JobManager process size
#   FLINK_TM_MEMORY     [1536m] TaskManager process size
#   FLINK_START_TIMEOUT [120] seconds to wait for the TaskManager to register
#   MVN_FLAGS           extra Maven flags for the fetch (e.g. -o)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

flink_version="${FLINK_VERSION:-1.19.3}"
home_dir="${NEWS_MENTIONS_HOME:-$HOME/.cache/news-mentions}"
rest_port="${FLINK_REST_PORT:-8081}"
cluster_dir="${FLINK_LOCAL_DIR:-$home_dir/flink-local-$rest_port}"
lib_dir="$home_dir/flink-$flink_version/lib"
conf_dir="$cluster_dir/conf"
log_dir="$cluster_dir/log"
jm_pid_file="$cluster_dir/jobmanager.pid"
tm_pid_file="$cluster_dir/taskmanager.pid"
rest_url="http://127.0.0.1:$rest_port"

# The module flags Flink's own distribution sets in env.java.opts.all for Java 17: Flink and
# Kryo reach into these JDK internals by reflection.
java_opts_all="--add-exports=java.base/sun.net.util=ALL-UNNAMED \
--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED \
--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED \
--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED \
--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED \
--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED \
--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED \
--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
--add-opens=java.base/java.lang=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED \
--add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
--add-opens=java.base/java.text=ALL-UNNAMED \
--add-opens=java.base/java.time=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

say() { echo "flink-local: $*" >&2; }
die() { say "$*"; exit 1; }

alive() { # $1: PID file; true when it names a live process of this cluster (not a reused PID)
  local pid
  [ -f "$1" ] && pid=$(cat "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    ps -p "$pid" -o args= 2>/dev/null | grep -qF -- "--configDir $conf_dir"
}

port_busy() { # true when something accepts connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() { # a port nobody listens on now, for the JobManager's RPC endpoint
  local p i
  for i in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    port_busy "$p" || { echo "$p"; return 0; }
  done
  die "no free port found for the JobManager RPC endpoint"
}

fetch() {
  if [ -f "$lib_dir/.complete" ]; then
    return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch the Flink jars"
  say "fetching the Flink $flink_version jars into $lib_dir (first time: about 70 MB)..."
  local tmp="$lib_dir.partial"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # shellcheck disable=SC2086
  mvn -q -B ${MVN_FLAGS:-} -f "$repo/scripts/flink-cluster/pom.xml" \
    dependency:copy-dependencies -Dflink.version="$flink_version" \
    -DincludeScope=runtime -DoutputDirectory="$tmp" >&2
  ls "$tmp"/flink-runtime-"$flink_version".jar >/dev/null 2>&1 ||
    die "the fetch did not bring flink-runtime-$flink_version.jar"
  rm -rf "$lib_dir"
  mv "$tmp" "$lib_dir"
  touch "$lib_dir/.complete"
}

classpath() {
  local cp="" j
  for j in "$lib_dir"/*.jar; do cp="${cp:+$cp:}$j"; done
  echo "$cp"
}

write_config() { # $1: JobManager RPC port
  mkdir -p "$conf_dir" "$log_dir" "$cluster_dir"/{checkpoints,savepoints,tmp,web}
  cat >"$conf_dir/config.yaml" <<EOF
# Written by scripts/flink-local.sh at each start; edit the script, not this file.
# Everything listens on the loopback interface only.
jobmanager.bind-host: 127.0.0.1
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $1
taskmanager.bind-host: 127.0.0.1
taskmanager.host: 127.0.0.1
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $rest_port
blob.server.port: "0"

# Sized for a small shared machine (2 cores, a few GB for Flink).
jobmanager.memory.process.size: ${FLINK_JM_MEMORY:-1024m}
taskmanager.memory.process.size: ${FLINK_TM_MEMORY:-1536m}
# Beam's batch translation sorts in managed memory; the samples need little, the user code
# (gazetteer, language model) needs heap.
taskmanager.memory.managed.fraction: 0.2
# Beam's batch job graph has many blocking exchanges, each of which asks for
# sort-shuffle.min-buffers network buffers (default 512, 16 MB) at once: with the default network
# share of a small TaskManager, parallelism 2 fails with "Insufficient number of network buffers".
# 128 MB is 4,096 buffers; at 64 per exchange, 64 exchanges can be open at once (the keyed batch
# dedup and the co-mention sums need more than the 32 that 128 per exchange allowed).
taskmanager.memory.network.min: 128m
taskmanager.network.sort-shuffle.min-buffers: 64
taskmanager.numberOfTaskSlots: ${FLINK_SLOTS:-2}
parallelism.default: ${FLINK_SLOTS:-2}

# State on the local disk: a job that does not name its own checkpoint storage
# (FlinkPipelineOptions --stateBackendStoragePath) checkpoints here, and
# POST /jobs/:id/stop without a targetDirectory writes its savepoint here.
state.backend.type: hashmap
state.checkpoints.dir: file://$cluster_dir/checkpoints
state.savepoints.dir: file://$cluster_dir/savepoints
io.tmp.dirs: $cluster_dir/tmp
web.tmpdir: $cluster_dir/web

# For the reader: the script passes the same flags to both JVMs.
env.java.opts.all: "$java_opts_all"
EOF
  cat >"$conf_dir/log4j.properties" <<'EOF'
# One rolling log file per process (log.file is set by scripts/flink-local.sh); the web UI shows it.
monitorInterval = 30
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
logger.pekko.name = org.apache.pekko
logger.pekko.level = INFO
logger.kafka.name = org.apache.kafka
logger.kafka.level = INFO
logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
logger.netty.level = OFF
appender.main.name = MainAppender
appender.main.type = RollingFile
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.filePattern = ${sys:log.file}.%i
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
appender.main.policies.type = Policies
appender.main.policies.size.type = SizeBasedTriggeringPolicy
appender.main.policies.size.size = 50MB
appender.main.strategy.type = DefaultRolloverStrategy
appender.main.strategy.max = 5
EOF
}

# The JVM memory flags (first line) and the derived memory settings (second line) for one
# process, computed by Flink's own helper as Flink's bin/config.sh does.
resource_params() { # $1: GET_JM_RESOURCE_PARAMS or GET_TM_RESOURCE_PARAMS
  local out
  out=$(java -Xmx128m -cp "$(classpath)" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" \
    --configDir "$conf_dir" 2>&1) || die "BashJavaUtils $1 failed: $out"
  out=$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')
  [ "$(wc -l <<<"$out")" -eq 2 ] || die "unexpected BashJavaUtils $1 output: $out"
  echo "$out"
}

launch() { # $1 name (jobmanager|taskmanager), $2 PID file, $3 main class, rest: arguments
  local name="$1" pid_file="$2" main="$3" params
  shift 3
  if [ "$name" = jobmanager ]; then
    params=$(resource_params GET_JM_RESOURCE_PARAMS)
  else
    params=$(resource_params GET_TM_RESOURCE_PARAMS)
  fi
  local jvm_params dynamic
  jvm_params=$(sed -n 1p <<<"$params")
  dynamic=$(sed -n 2p <<<"$params")
  # setsid: the JVMs outlive this script and the terminal; the PID file gets the JVM's own PID.
  # shellcheck disable=SC2086,SC2016 # word splitting of the flag lists is wanted
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pid_file" \
    java $jvm_params $java_opts_all ${FLINK_JAVA_OPTS:-} \
    "-Dlog.file=$log_dir/$name.log" "-Dlog4j.configurationFile=file:$conf_dir/log4j.properties" \
    -cp "$(classpath)" "$main" --configDir "$conf_dir" "$@" $dynamic \
    >"$log_dir/$name.out" 2>&1 </dev/null &
  local i
  for i in $(seq 1 50); do
    [ -s "$pid_file" ] && return 0
    sleep 0.1
  done
  die "$name did not start (see $log_dir/$name.out)"
}

overview() { curl -sf --max-time 5 "$rest_url/overview"; }

taskmanagers() { # number of registered TaskManagers, or empty when REST is not up
  overview 2>/dev/null | grep -o '"taskmanagers":[0-9]*' | cut -d: -f2
}

start() {
  if alive "$jm_pid_file" || alive "$tm_pid_file"; then
    say "already running (JobManager PID $(cat "$jm_pid_file" 2>/dev/null || echo -)," \
      "TaskManager PID $(cat "$tm_pid_file" 2>/dev/null || echo -)); 'stop' first to restart"
    status
    return 0
  fi
  port_busy "$rest_port" &&
    die "port $rest_port on 127.0.0.1 is taken by another process: set FLINK_REST_PORT"
  command -v curl >/dev/null || die "curl is needed (apt-get install curl)"
  fetch
  local rpc_port
  rpc_port=$(free_port)
  write_config "$rpc_port"
  rm -f "$jm_pid_file" "$tm_pid_file"
  local began=$SECONDS
  say "starting Flink $flink_version: JobManager (RPC 127.0.0.1:$rpc_port, REST $rest_url)..."
  launch jobmanager "$jm_pid_file" \
    org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --executionMode cluster
  say "starting the TaskManager (${FLINK_SLOTS:-2} slots)..."
  launch taskmanager "$tm_pid_file" org.apache.flink.runtime.taskexecutor.TaskManagerRunner
  local timeout="${FLINK_START_TIMEOUT:-120}" n
  while :; do
    n=$(taskmanagers || true)
    if [ "${n:-0}" -ge 1 ]; then
      break
    fi
    if ! alive "$jm_pid_file" || ! alive "$tm_pid_file"; then
      say "a process exited during start-up; last log lines:"
      tail -n 20 "$log_dir/jobmanager.out" "$log_dir/taskmanager.out" "$log_dir"/*.log >&2 || true
      stop_processes >/dev/null
      exit 1
    fi
    if [ $((SECONDS - began)) -ge "$timeout" ]; then
      say "no TaskManager registered within $timeout s; see $log_dir"
      stop_processes >/dev/null
      exit 1
    fi
    sleep 1
  done
  say "up in $((SECONDS - began)) s: web UI and REST at $rest_url; folder $cluster_dir"
}

stop_processes() {
  local f pid i pids=()
  for f in "$tm_pid_file" "$jm_pid_file"; do
    if alive "$f"; then
      pid=$(cat "$f")
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  for i in $(seq 1 60); do
    local left=()
    for pid in ${pids[@]+"${pids[@]}"}; do
      kill -0 "$pid" 2>/dev/null && left+=("$pid")
    done
    [ ${#left[@]} -eq 0 ] && break
    if [ "$i" -eq 60 ]; then
      say "still running after 30 s, killing: ${left[*]}"
      kill -KILL "${left[@]}" 2>/dev/null || true
    fi
    sleep 0.5
  done
  rm -f "$jm_pid_file" "$tm_pid_file"
  echo ${#pids[@]}
}

stop() {
  local began=$SECONDS n
  n=$(stop_processes)
  if [ "$n" -eq 0 ]; then
    say "not running (no live PID in $cluster_dir)"
  else
    say "stopped $n process(es) in $((SECONDS - began)) s"
  fi
}

status() {
  local jm=down tm=down
  alive "$jm_pid_file" && jm="PID $(cat "$jm_pid_file")"
  alive "$tm_pid_file" && tm="PID $(cat "$tm_pid_file")"
  echo "Flink $flink_version local cluster, folder $cluster_dir"
  echo "  JobManager:  $jm"
  echo "  TaskManager: $tm"
  local o
  if o=$(overview 2>/dev/null); then
    echo "  REST:        $rest_url (web UI)"
    echo "  overview:    $o"
  else
    echo "  REST:        not answering at $rest_url"
  fi
  [ "$jm" != down ] && [ "$tm" != down ] && [ -n "${o:-}" ]
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  fetch) fetch && echo "$lib_dir" ;;
  dir) echo "$cluster_dir" ;;
  *)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
    [ "${1:-}" = -h ] || [ "${1:-}" = --help ] || exit 2
    ;;
esac
