#!/usr/bin/env bash
# Integration test: the streaming job reading a real Kafka broker on a real Flink cluster (run by
# .ci/run after scripts/test-flink-cluster.sh).
#   1. starts a Kafka broker with scripts/kafka-local.sh on free ports (data under WORK/kafka) and
#      a Flink cluster with scripts/flink-local.sh on a free port (folder WORK/cluster), unless
#      --flinkMaster names a running one;
#   2. runs the batch job on the Direct Runner over the samples (plus two bad records): the
#      reference counts;
#   3. live: submits the streaming job with --inputTopic/--outputTopic/--deadLetterTopic and
#      checkpoints (scripts/submit-flink.sh), feeds the same files with scripts/feed-kafka.sh, reads
#      the output topic with kcat (latest value per key, tombstones delete a key) until it equals
#      the batch counts (window_start|entity_id -> every count field), checks the dead letters,
#      and cancels the job;
#   4. restart: new topics; a job is fed part of the articles (raw 01, 02, 05, 06) until
#      their counts equal a batch run over those files and a checkpoint completed; stops it with a
#      savepoint (scripts/flink-job.sh stop); feeds the rest while it is down; resumes it with
#      --savepointPath and the same consumer group, without --fromBeginning; checks that it
#      restored from that savepoint, that its Kafka readers resumed at the savepoint's offsets,
#      and that the final counts equal the batch counts over all files, keys and per-window totals
#      (a lost article shows as lower numbers, an article counted twice as higher ones);
#   5. cancels its jobs and stops the cluster and the broker on any exit.
#
#   scripts/test-flink-kafka.sh [--work=DIR] [--flinkMaster=HOST:PORT] [--timeout=S]
#
# WORK defaults to target/flink-kafka-test. --flinkMaster uses a running Flink 1.19 cluster on this
# machine (it is left running); --timeout bounds each wait for counts [240]. FLINK_REST_PORT,
# KAFKA_PORT and KAFKA_CONTROLLER_PORT pick the ports (default: the first free ones from 18181,
# 19092 and 19192). Needs curl, jq and kcat.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
TEST_NAME=test-flink-kafka
# shellcheck source=scripts/lib/checks.sh
. "$repo/scripts/lib/checks.sh"
work="$repo/target/flink-kafka-test"
master=""
own_cluster=true
timeout_s=240
for a in "$@"; do
  case "$a" in
    --work=*) work="${a#*=}" ;;
    --flinkMaster=*) master="${a#*=}"; own_cluster=false ;;
    --timeout=*) timeout_s="${a#*=}" ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done
for t in curl jq kcat java mvn; do
  command -v "$t" >/dev/null || { echo "$t is needed (apt-get install $t)" >&2; exit 1; }
done
mkdir -p "$work"
work="$(cd "$work" && pwd)"


export KAFKA_PORT="${KAFKA_PORT:-$(first_free 19092)}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$(first_free 19192)}"
export KAFKA_DATA_DIR="$work/kafka"
bootstrap="127.0.0.1:$KAFKA_PORT"
if $own_cluster; then
  export FLINK_REST_PORT="${FLINK_REST_PORT:-$(first_free 18181)}"
  export FLINK_LOCAL_DIR="$work/cluster"
  master="127.0.0.1:$FLINK_REST_PORT"
fi
master="${master#http://}"
job() { "$repo/scripts/flink-job.sh" "--flinkMaster=$master" "$@"; }


tm_log() { # the TaskManager log, for failure reports and the restore evidence
  if $own_cluster; then
    cat "$FLINK_LOCAL_DIR"/log/taskmanager.log* 2>/dev/null || true
  fi
}
cleanup() {
  local rc=$? j
  # The jobs this run submitted (submit runs in a subshell, hence the file).
  while read -r j; do
    if [ "$(job state "$j" 2>/dev/null || true)" = RUNNING ]; then
      job cancel "$j" 2>/dev/null || true
    fi
  done < <(cat "$work/jobs" 2>/dev/null || true)
  if $own_cluster; then
    "$repo/scripts/flink-local.sh" stop || true
  fi
  "$repo/scripts/kafka-local.sh" stop >&2 || true
  exit $rc
}

# --- Build ----------------------------------------------------------------------------------------
step "building (Direct Runner classpath, bundled Flink jar)"
module_classpath pipeline >/dev/null
bundled_jar flink >/dev/null
took

# --- Inputs: the samples in path order, plus two bad records --------------------------------------
# A broker or cluster left over from an interrupted run in these folders is stopped first.
"$repo/scripts/kafka-local.sh" stop >/dev/null 2>&1 || true
$own_cluster && { "$repo/scripts/flink-local.sh" stop >/dev/null 2>&1 || true; }
rm -rf "$work/direct" "$work/direct-part1" "$work/kafka" "$work/cluster/log" "$work/jobs" "$work"/*.log \
  "$work"/*.expected* "$work"/*.topic* "$work"/*.reasons "$work"/*.properties
mkdir -p "$work/input-extra"
printf '%s\n' '{"url": "https://example.org/cut", "title": "Truncated record", "maintext": "The scra' \
  '["an array, not an article"]' >"$work/input-extra/bad.jsonl"
samples=("$repo"/samples/raw/*.txt "$repo"/samples/jsonl/*.jsonl)
# The restart test's split. Part 1 holds copy A of the wire story (02); copies B (03, same day) and
# C (JSON line 1, next day) arrive only after the restart and must be recognised as copies of the
# story kept in the restored state, not counted as new ones.
part1=()
part2=()
for f in "${samples[@]}"; do
  case "$(basename "$f")" in
    01-* | 02-* | 05-* | 06-*) part1+=("$f") ;;
    *) part2+=("$f") ;;
  esac
done
join() { local IFS=,; echo "$*"; }

# --- Broker and cluster ---------------------------------------------------------------------------
trap cleanup EXIT
trap 'exit 130' INT TERM
step "starting the Kafka broker on $bootstrap (data in $KAFKA_DATA_DIR)"
"$repo/scripts/kafka-local.sh" start >&2
topics() { # $1: prefix; the input (3 partitions), output (compacted) and dead-letter topics
  KAFKA_INPUT_TOPIC="$1-articles" KAFKA_OUTPUT_TOPIC="$1-counts" \
    KAFKA_DEAD_LETTER_TOPIC="$1-dead" KAFKA_INPUT_PARTITIONS=3 \
    "$repo/scripts/kafka-local.sh" topics >&2
}
# Each topic is a client JVM: create them while the cluster starts and the batch runs.
(topics live && topics restart) >"$work/topics.log" 2>&1 &
topics_pid=$!
took
if $own_cluster; then
  step "starting the Flink cluster on $master (folder $FLINK_LOCAL_DIR)"
  "$repo/scripts/flink-local.sh" start
  took
else
  curl -sf --max-time 10 "http://$master/overview" >/dev/null ||
    { echo "no Flink cluster answers at http://$master" >&2; exit 1; }
fi

# --- Reference: the batch job on the Direct Runner ------------------------------------------------
batch() { # $1: output dir, $2: input globs
  "$repo/scripts/run-local.sh" "--input=$2" "--output=$1" >"$1.log" 2>&1 ||
    { echo "Direct Runner run failed:" >&2; tail -30 "$1.log" >&2; exit 1; }
}
# One line per count: {"key": window_start|entity_id, "value": the count without its pane fields}.
expected_from() { # $1: batch output dir
  cat "$1"/counts/*.json | jq -cS '{key: "\(.window_start)|\(.entity_id)",
    value: del(.pane_index, .pane_timing)}' | sort
}
step "Direct Runner over all samples, and over part 1 of the restart test"
batch "$work/direct" "$(join "${samples[@]}" "$work/input-extra/bad.jsonl")"
batch "$work/direct-part1" "$(join "${part1[@]}")"
expected_from "$work/direct" >"$work/all.expected"
expected_from "$work/direct-part1" >"$work/part1.expected"
cat "$work"/direct/dead-letter/*.json | jq -r '"\(.stage) \(.error | split(":")[0])"' | sort \
  >"$work/dead.expected"
echo "  batch: $(wc -l <"$work/all.expected") counts over ${#samples[@]} files," \
  "$(wc -l <"$work/part1.expected") over part 1 (${#part1[@]} files)," \
  "$(wc -l <"$work/dead.expected") dead letters" >&2
if [ ! -s "$work/all.expected" ] || [ ! -s "$work/part1.expected" ] || [ ! -s "$work/dead.expected" ]; then
  echo "the Direct Runner wrote no counts or no dead letters" >&2
  exit 1
fi
took

# --- Reading the output topic ---------------------------------------------------------------------
# The latest value per key (kcat prints NULL for a tombstone, which deletes the key), in the same
# shape as expected_from. The key is the record's Kafka key, so a value under the wrong key shows.
topic_counts() { # $1: topic
  kcat -C -b "$bootstrap" -t "$1" -e -q -Z -f '%k\t%s\n' |
    awk -F'\t' '{ v[$1] = $2 } END { for (k in v) if (v[k] != "NULL") print k "\t" v[k] }' |
    jq -cSR 'split("\t") as [$k, $v] | {key: $k, value: ($v | fromjson | del(.pane_index, .pane_timing))}' |
    sort
}
# What differs, per key: missing and extra keys, and the fields whose values differ. Higher
# mentions or articles than the batch run are what an article counted twice looks like, lower ones
# what a lost article looks like (a different kept copy of a story also changes them).
explain() { # $1 expected, $2 actual
  jq -nr --slurpfile e "$1" --slurpfile a "$2" '
    def m($l): $l | map({(.key): .value}) | add // {};
    m($e) as $E | m($a) as $A |
    ([$E, $A] | map(keys) | add | unique)[] as $k |
    if $A[$k] == null then "    missing on the topic  \($k): batch mentions \($E[$k].mentions), articles \($E[$k].articles)"
    elif $E[$k] == null then "    not in the batch run  \($k): topic mentions \($A[$k].mentions), articles \($A[$k].articles)"
    elif $E[$k] == $A[$k] then empty
    else "    \(if $A[$k].articles > $E[$k].articles or $A[$k].mentions > $E[$k].mentions then "HIGHER "
            elif $A[$k].articles < $E[$k].articles or $A[$k].mentions < $E[$k].mentions then "LOWER  "
            else "differs" end)  \($k): " +
      ([$E[$k] | keys[] | select($E[$k][.] != $A[$k][.]) | "\(.) \($E[$k][.]) -> \($A[$k][.])"] | join(", "))
    end' | sed -n 1,40p >&2
}
# Per window: entities, and the sums of mentions and articles over them.
window_totals() { # $1: lines as expected_from writes them
  jq -sr 'map(.value) | group_by(.window_start)[] |
    "\(.[0].window_start) entities \(length) mentions \(map(.mentions) | add) articles \(map(.articles) | add)"' "$1"
}
equal_counts() { # $1 topic, $2 expected file; quiet, leaves the topic's view in WORK/TOPIC.topic
  topic_counts "$1" >"$work/$1.topic" 2>/dev/null && cmp -s "$2" "$work/$1.topic"
}
await_counts() { # $1 topic, $2 expected file, $3 what; polls until equal, explains on timeout
  local began=$SECONDS
  until equal_counts "$1" "$2"; do
    if [ $((SECONDS - began)) -ge "$timeout_s" ]; then
      echo "  after $timeout_s s, $1 holds $(wc -l <"$work/$1.topic") live keys, $3 $(wc -l <"$2");" \
        "differences (batch -> topic):" >&2
      explain "$2" "$work/$1.topic"
      return 1
    fi
    sleep 3
  done
  echo "  $1 equals $3 ($(wc -l <"$2") keys) after $((SECONDS - began)) s" >&2
}
same_window_totals() { # $1 expected, $2 actual
  window_totals "$1" >"$1.windows"
  window_totals "$2" >"$2.windows"
  sed 's/^/    /' "$2.windows" >&2
  cmp -s "$1.windows" "$2.windows" || {
    echo "  per-window totals differ (< batch, > topic):" >&2
    diff "$1.windows" "$2.windows" >&2
    return 1
  }
}

submit() { # $1 prefix (topics), $2 group id, $3 log name, rest: more options; prints the job id
  local prefix="$1" group="$2" log="$work/$3.log" jid
  shift 3
  printf 'group.id=%s\n' "$group" >"$work/$group.properties"
  # No --streaming: --inputTopic implies it (and a detached submission), as in the README.
  jid=$("$repo/scripts/submit-flink.sh" "--flinkMaster=$master" \
    "--inputTopic=$prefix-articles" "--outputTopic=$prefix-counts" "--deadLetterTopic=$prefix-dead" \
    "--bootstrapServers=$bootstrap" "--kafkaProperties=$work/$group.properties" \
    --checkpointingInterval=2000 --earlyFiring=1s "$@" 2>"$log") ||
    { echo "submission failed:" >&2; tail -30 "$log" >&2; return 1; }
  echo "$jid" >>"$work/jobs"
  if ! job wait "$jid" --until=running --timeout=180; then
    tm_log | tail -40 >&2
    return 1
  fi
  echo "$jid"
}
feed() { # $1 topic, rest: files
  local topic="$1"
  shift
  local out
  out=$("$repo/scripts/feed-kafka.sh" "--topic=$topic" "--bootstrap=$bootstrap" "$@" 2>>"$work/feed.log") ||
    { echo "feed-kafka.sh failed: $out" >&2; tail -20 "$work/feed.log" >&2; return 1; }
  echo "  $out" >&2
}
cancel_and_wait() { # $1 job id
  job cancel "$1" 2>/dev/null || true
  local s
  for _ in $(seq 1 60); do
    s=$(job state "$1" 2>/dev/null || true)
    case "$s" in CANCELED | FINISHED | FAILED) return 0 ;; esac
    sleep 1
  done
  echo "  job $1 still ${s:-unknown} 60 s after cancel" >&2
}

# --- Test 1: streaming from Kafka on the cluster --------------------------------------------------
if ! wait "$topics_pid"; then
  echo "creating the topics failed:" >&2
  cat "$work/topics.log" >&2
  exit 1
fi
sed 's/^/  /' "$work/topics.log" >&2
step "live: submitting the streaming job (topics live-*, checkpoints every 2 s, early panes every 1 s)"
live=$(submit live flink-live submit-live)
took
step "live: feeding ${#samples[@]} sample files and the bad records to live-articles"
feed live-articles "${samples[@]}" "$work/input-extra/bad.jsonl"
check "live: latest counts per key on live-counts equal the batch counts" \
  await_counts live-counts "$work/all.expected" "the batch run"
took
dead_letters() {
  kcat -C -b "$bootstrap" -t live-dead -e -q -f '%k\t%s\n' >"$work/live-dead.topic"
  jq -R -r 'split("\t") as [$k, $v] | ($v | fromjson) as $d |
    if $k == $d.source and ($k | startswith("kafka:live-articles/")) then "\($d.stage) \($d.error | split(":")[0])"
    else "key \($k) / source \($d.source)" end' "$work/live-dead.topic" | sort >"$work/live-dead.reasons"
  cmp -s "$work/dead.expected" "$work/live-dead.reasons" || {
    echo "  dead letters differ (< Direct Runner, > live-dead):" >&2
    diff "$work/dead.expected" "$work/live-dead.reasons" >&2
    return 1
  }
}
check "live: the bad records are on live-dead (keyed by kafka:live-articles/..., same stages and reasons as the batch run)" \
  dead_letters
check "live: per-window totals equal the batch run's" \
  same_window_totals "$work/all.expected" "$work/live-counts.topic"
step "live: cancelling job $live"
cancel_and_wait "$live"
took

# --- Test 2: stop mid-feed with a savepoint, feed while down, resume ------------------------------
step "restart: submitting the streaming job (topics restart-*, group flink-restart, no --fromBeginning)"
first=$(submit restart flink-restart submit-restart-1)
took
step "restart: feeding part 1 (${#part1[@]} files)"
feed restart-articles "${part1[@]}"
check "restart: the first job's counts equal the batch counts over part 1" \
  await_counts restart-counts "$work/part1.expected" "the batch run over part 1"
cp "$work/restart-counts.topic" "$work/part1.topic"
check "restart: the first job completed a checkpoint" job checkpoint "$first" --timeout=60
took
step "restart: stopping job $first with a savepoint"
savepoint=$(job stop "$first" --timeout=180) || true
echo "  savepoint: ${savepoint:-none}" >&2
saved() { [ -n "$savepoint" ] && [ -f "${savepoint#file:}/_metadata" ]; }
check "restart: stop-with-savepoint wrote a savepoint" saved
took
if ! saved; then
  tm_log | grep -E "ERROR|Exception" | tail -20 >&2
  echo "test-flink-kafka: $passed passed, $((failed + 1)) failed (no savepoint to resume from)"
  exit 1
fi
step "restart: feeding part 2 (${#part2[@]} files) while no job runs"
feed restart-articles "${part2[@]}"
sleep 3
check "restart: the output topic did not change while the job was down" \
  equal_counts restart-counts "$work/part1.expected"
took
step "restart: resuming from the savepoint (same group, no --fromBeginning)"
log_mark=$(tm_log | wc -l)
second=$(submit restart flink-restart submit-restart-2 "--savepointPath=$savepoint")
restored=$(job restored "$second" 2>/dev/null || true)
echo "  job $second restored from: ${restored:-nothing}" >&2
same_savepoint() { [ -n "$restored" ] && [ "$restored" = "$savepoint" ]; }
check "restart: the resumed job restored from that savepoint" same_savepoint
took
step "restart: waiting for the counts over all files"
check "restart: latest counts per key equal the batch counts over all files (none lost, none twice)" \
  await_counts restart-counts "$work/all.expected" "the batch run"
check "restart: per-window totals (entities, mentions, articles) equal the batch run's" \
  same_window_totals "$work/all.expected" "$work/restart-counts.topic"
# Where the resumed readers started. KafkaIO restores each partition's next offset from its
# checkpoint mark (the savepoint's source state) and seeks the consumer there, which the Kafka
# client logs as "Seeking to offset N for partition P"; a reader without a mark would instead take
# the group's committed offset or the earliest one ("...committed offset..." / "Resetting offset").
resumed_offsets() {
  tm_log | tail -n +"$((log_mark + 1))" | grep -E "Seeking to offset [0-9]+ for partition restart-articles-[0-9]+" |
    sed -E 's/.*Seeking to offset ([0-9]+) for partition (restart-articles-[0-9]+).*/\2 \1/' | sort -u
}
resumed_at_savepoint() {
  $own_cluster || { echo "  (not checked: the TaskManager log of an external cluster is not read)" >&2; return 0; }
  local lines sum records fallback
  lines=$(resumed_offsets)
  fallback=$(tm_log | tail -n +"$((log_mark + 1))" |
    grep -E "restart-articles" | grep -E "committed offset|Resetting offset" | sed -E 's/.* - //' | cut -c1-160 || true)
  [ -z "$lines" ] || sed 's/^/    resumed at offset: /' <<<"$lines" >&2
  if [ -z "$lines" ] || [ "$(wc -l <<<"$lines")" -ne 3 ] || [ -n "$fallback" ]; then
    echo "  not every partition of restart-articles was sought to an offset from the savepoint;" \
      "the TaskManager log says:" >&2
    [ -z "$fallback" ] || sed 's/^/    /' <<<"$fallback" >&2
    return 1
  fi
  sum=$(awk '{ s += $2 } END { print s }' <<<"$lines")
  records=${#part1[@]}
  [ "$sum" -eq "$records" ] ||
    { echo "  the restored offsets add up to $sum, but $records records were fed before the stop" >&2; return 1; }
}
check "restart: each Kafka partition resumed at the savepoint's offset (they add up to part 1's ${#part1[@]} records)" \
  resumed_at_savepoint
settled() { sleep 10; equal_counts restart-counts "$work/all.expected"; }
check "restart: still equal 10 s later (no late double count)" settled
restart_dead_empty() { [ -z "$(kcat -C -b "$bootstrap" -t restart-dead -e -q -f '%k\n')" ]; }
check "restart: nothing dead-lettered" restart_dead_empty
step "restart: cancelling job $second"
cancel_and_wait "$second"
took

echo "test-flink-kafka: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
