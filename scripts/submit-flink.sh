#!/usr/bin/env bash
# Submits the pipeline to a Flink 1.19.x session cluster with Beam's FlinkRunner.
#
#   scripts/submit-flink.sh [--flinkMaster=HOST:PORT] [--detached] [pipeline options]
#
# Builds pipeline/target/news-mentions-bundled-flink.jar first when it is missing or older than
# the sources, then runs it as the Flink client: the job graph and the jar go to the cluster over
# its REST API. Works against scripts/flink-local.sh's cluster and any real Flink 1.19 cluster.
#
#   --flinkMaster=HOST:PORT  the cluster's REST address [127.0.0.1:$FLINK_REST_PORT, i.e. :8081]
#   --detached               return once the job runs; prints only its job id on stdout (for
#                            scripts/flink-job.sh wait|stop|cancel). Streaming is always detached.
#   anything else            a pipeline option, passed through. Useful ones:
#     --input=GLOBS --output=DIR   paths the TaskManagers can read and write (relative local
#                                  paths are made absolute here); default: the bundled samples,
#                                  output to out/flink (none with --inputTopic / --outputTopic)
#     --inputTopic=T --outputTopic=T --deadLetterTopic=T --bootstrapServers=HOST:PORT
#                                  Kafka in and out (README "Streaming with Kafka"); the broker
#                                  must be reachable from the TaskManagers
#     --parallelism=N              default: the cluster's parallelism.default
#     --streaming=true             unbounded run (detached; implied by --inputTopic)
#     --checkpointingInterval=MS   streaming: checkpoint every MS ms (off by default); state and
#                                  source positions are restored from the last one on failure
#     --savepointPath=PATH         start from a savepoint or retained checkpoint, e.g. the path
#                                  `scripts/flink-job.sh stop JOB` printed
#     --allowNonRestoredState=true let a changed pipeline skip state it no longer has
#     --externalizedCheckpointsEnabled=true --retainExternalizedCheckpointsOnCancellation=true
#                                  keep the last checkpoint when the job is cancelled or fails,
#                                  to resume from it with --savepointPath
#     --objectReuse=false          default here: true (the pipeline's steps never change their
#                                  inputs, so Flink need not copy each element between chained
#                                  operators; about 10% less CPU, see README "Performance")
#     --jobName=NAME               the name in the web UI (detached default:
#                                  news-mentions-DATE-TIME-N, which finds the job id)
# Environment: JAVA_OPTS for the client JVM [-Xmx1g], MVN_FLAGS for the build, FLINK_REST_PORT.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"

master="127.0.0.1:${FLINK_REST_PORT:-8081}"
detached=false
explicit_streaming=""
kafka_source=false
args=()
has() { local o; for o in "${args[@]+"${args[@]}"}"; do [[ "$o" == --$1=* ]] && return 0; done; return 1; }
for a in "$@"; do
  case "$a" in
    --flinkMaster=*) master="${a#*=}" ;;
    --detached) detached=true ;;
    --runner=*) [ "${a#*=}" = FlinkRunner ] || { echo "submit-flink.sh runs the FlinkRunner only" >&2; exit 2; } ;;
    --input=* | --output=* | --entities=* | --dateOrderFile=*)
      args+=("${a%%=*}=$(absolute_paths "${a#*=}")") ;;
    --streaming | --streaming=true) explicit_streaming=true; args+=("--streaming=true") ;;
    --streaming=false) explicit_streaming=false; args+=("$a") ;;
    --inputTopic=*) kafka_source=true; args+=("$a") ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) args+=("$a") ;;
  esac
done
# A Kafka source makes the pipeline a streaming one unless --streaming=false is given.
streaming=${explicit_streaming:-$kafka_source}
$streaming && detached=true
# The file defaults apply only to a job that names no Kafka topic for that side.
has input || has inputTopic || args+=("--input=$repo/samples/raw/*.txt,$repo/samples/jsonl/*.jsonl")
has output || has outputTopic || args+=("--output=$repo/out/flink")
master="${master#http://}"
rest="http://$master"

command -v curl >/dev/null || { echo "curl is needed (apt-get install curl)" >&2; exit 1; }
if ! overview=$(curl -sf --max-time 10 "$rest/overview"); then
  echo "no Flink cluster answers at $rest (scripts/flink-local.sh start, or --flinkMaster=HOST:PORT)" >&2
  exit 1
fi
version=$(grep -o '"flink-version":"[^"]*"' <<<"$overview" | cut -d'"' -f4)
case "$version" in
  1.19.*) ;;
  *) echo "warning: the cluster runs Flink $version; this build's runner is for Flink 1.19" >&2 ;;
esac
has objectReuse || args+=("--objectReuse=true")
if ! has parallelism; then
  # The client does not read the cluster's configuration; without this Beam submits with 1.
  p=$(curl -sf --max-time 10 "$rest/jobmanager/config" |
    grep -o '"key":"parallelism.default","value":"[0-9]*"' | grep -o '[0-9]*"$' | tr -d '"' || true)
  args+=("--parallelism=${p:-1}")
fi
if $detached; then
  has jobName || args+=("--jobName=news-mentions-$(date +%Y%m%d-%H%M%S)-$RANDOM")
  args+=("--attachedMode=false" "--waitUntilFinish=false")
fi

jar=$(bundled_jar flink)
echo "Submitting to Flink $version at $rest..." >&2
# shellcheck disable=SC2206 # JAVA_OPTS holds several flags
cmd=(java ${JAVA_OPTS:--Xmx1g} -jar "$jar" --runner=FlinkRunner "--flinkMaster=$master" "${args[@]}")
if ! $detached; then
  exec "${cmd[@]}"
fi

# Detached: the client returns once the cluster has the job; find its id by the unique job name.
"${cmd[@]}" >&2
name=""
for o in "${args[@]}"; do [[ "$o" == --jobName=* ]] && name="${o#*=}"; done
for _ in $(seq 1 30); do
  jid=$(curl -sf --max-time 10 "$rest/jobs/overview" |
    jq -r --arg n "$name" '[.jobs[] | select(.name == $n)] | sort_by(."start-time") | last | .jid // empty')
  if [ -n "$jid" ]; then
    echo "Submitted job $jid ($name); web UI: $rest/#/job/running/$jid/overview" >&2
    echo "$jid"
    exit 0
  fi
  sleep 1
done
echo "the client finished but no job named $name is on the cluster" >&2
exit 1
