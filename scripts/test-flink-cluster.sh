#!/usr/bin/env bash
# Integration test on a real Flink session cluster (run by .ci/run):
#   1. builds the Direct Runner classpath and the bundled Flink jar when stale;
#   2. starts a Flink cluster with scripts/flink-local.sh (separate JobManager and TaskManager
#      JVMs) on a free port, with its own folder under WORK;
#   3. runs the batch job on the Direct Runner over the bundled samples plus two bad records;
#   4. submits the same job to the cluster with scripts/submit-flink.sh --detached and waits for
#      it to finish through the REST API (/jobs/overview);
#   5. checks that the cluster's counts (every field of every row), co-mentions, articles and dead
#      letters equal the Direct Runner's, and that its Parquet files (--format=json,parquet) are
#      whole files;
#   6. streaming on the same cluster: submits the job with --streaming=true and checkpointing
#      over the same files, waits until the final panes equal the batch counts, stops it with a
#      savepoint (scripts/flink-job.sh stop), resumes it from that savepoint (--savepointPath),
#      checks through the REST API that it restored from it, and cancels it;
#   7. stops the cluster, also when a step fails.
#
#   scripts/test-flink-cluster.sh [--work=DIR] [--batch-only]   (default WORK: target/flink-cluster-test)
# FLINK_REST_PORT picks the port (default: the first free one from 18081). Needs curl and jq.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
TEST_NAME=test-flink-cluster
# shellcheck source=scripts/lib/checks.sh
. "$repo/scripts/lib/checks.sh"
work="$repo/target/flink-cluster-test"
streaming=true
for a in "$@"; do
  case "$a" in
    --work=*) work="${a#*=}" ;;
    --batch-only) streaming=false ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done
for t in curl jq java mvn; do
  command -v "$t" >/dev/null || { echo "$t is needed" >&2; exit 1; }
done
mkdir -p "$work"
work="$(cd "$work" && pwd)"


export FLINK_REST_PORT="${FLINK_REST_PORT:-$(first_free 18081)}"
export FLINK_LOCAL_DIR="$work/cluster"
master="127.0.0.1:$FLINK_REST_PORT"


cleanup() {
  local rc=$?
  "$repo/scripts/flink-local.sh" stop || true
  exit $rc
}

# --- 1. Build -------------------------------------------------------------------------------------
step "building (Direct Runner classpath, bundled Flink jar)"
module_classpath pipeline >/dev/null
bundled_jar flink >/dev/null
took
check "the bundled Flink jar holds no benchmark, evaluation or reference-model classes" \
  jar_has_no_tooling "$(bundled_jar flink)"

# --- Input: the samples plus bad records, so the dead-letter path crosses the cluster too ----------
input_extra="$work/input-extra"
rm -rf "$input_extra" "$work/direct" "$work/flink" "$work/flink-streaming"
mkdir -p "$input_extra"
printf '%s\n' '{"url": "https://example.org/cut", "title": "Truncated record", "maintext": "The scra' \
  '["an array, not an article"]' >"$input_extra/bad.jsonl"
input="$repo/samples/raw/*.txt,$repo/samples/jsonl/*.jsonl,$input_extra/*.jsonl"

# --- 2. Cluster -----------------------------------------------------------------------------------
trap cleanup EXIT
trap 'exit 130' INT TERM
step "starting the Flink cluster on $master (folder $FLINK_LOCAL_DIR)"
"$repo/scripts/flink-local.sh" start
took

# --- 3. Direct Runner -----------------------------------------------------------------------------
step "Direct Runner over the samples"
"$repo/scripts/run-local.sh" "--input=$input" "--output=$work/direct" >"$work/direct.log" 2>&1 ||
  { tail -30 "$work/direct.log" >&2; exit 1; }
took

# --- 4. Flink cluster -----------------------------------------------------------------------------
step "submitting the batch job to $master"
jid=$("$repo/scripts/submit-flink.sh" --detached "--flinkMaster=$master" "--input=$input" \
  "--output=$work/flink" --format=json,parquet 2>"$work/submit.log") || { tail -30 "$work/submit.log" >&2; exit 1; }
took
step "waiting for job $jid to finish"
if ! "$repo/scripts/flink-job.sh" "--flinkMaster=$master" wait "$jid" --timeout=600; then
  echo "TaskManager log, last lines:" >&2
  tail -40 "$FLINK_LOCAL_DIR/log/taskmanager.log" >&2 || true
  exit 1
fi
took
tasks=$(curl -sf "http://$master/jobs/overview" | jq -r --arg j "$jid" \
  '.jobs[] | select(.jid == $j) | "\(.tasks.finished) of \(.tasks.total) tasks finished in \(.duration / 1000) s"')
echo "  job $jid: $tasks" >&2

# --- 5. Compare -----------------------------------------------------------------------------------
step "comparing the cluster's output with the Direct Runner's"
# One canonical line per record (keys sorted), sorted: shard counts and record order may differ.
canonical() { # $1 output dir, $2 folder, $3 jq filter
  local files=("$1/$2"/*.json)
  [ -e "${files[0]}" ] || return 0
  cat "${files[@]}" | jq -cS "$3" | sort
}
for kind in counts comentions articles dead-letter; do
  filter=.
  # failed_at is the wall-clock time of the failure: it differs between two runs by design.
  [ "$kind" = dead-letter ] && filter='del(.failed_at, .stack_trace)'
  canonical "$work/direct" "$kind" "$filter" >"$work/direct.$kind"
  canonical "$work/flink" "$kind" "$filter" >"$work/flink.$kind"
done
same() { # $1 kind
  if cmp -s "$work/direct.$1" "$work/flink.$1"; then
    echo "  $1: $(wc -l <"$work/flink.$1") records, identical" >&2
    return 0
  fi
  echo "  $1 differ (< Direct Runner, > Flink):" >&2
  diff "$work/direct.$1" "$work/flink.$1" | cut -c1-300 | sed -n 1,20p >&2
  return 1
}
nonempty() { [ -s "$work/direct.$1" ]; }
check "the Direct Runner wrote counts" nonempty counts
check "the Direct Runner wrote co-mentions" nonempty comentions
check "the Direct Runner dead-lettered the bad records" nonempty dead-letter
check "counts equal (window, entity, mentions, articles, copies, outlets, pane)" same counts
check "co-mentions equal (window, pair, articles, mentions, pane)" same comentions
check "articles equal (verdicts, story ids, entities)" same articles
check "dead letters equal (source, stage, reason, payload)" same dead-letter
parquet_files() { # $1 folder: at least one file, each starting and ending with PAR1
  local f n=0
  for f in "$work/flink/$1"/*.parquet; do
    [ -e "$f" ] || return 1
    [ "$(head -c 4 "$f")$(tail -c 4 "$f")" = PAR1PAR1 ] || { echo "  not Parquet: $f" >&2; return 1; }
    n=$((n + 1))
  done
  echo "  $1: $n Parquet files" >&2
}
for kind in counts comentions articles; do
  check "the cluster wrote whole Parquet files in $kind/ (no Hadoop in the bundled jar)" \
    parquet_files "$kind"
done
# The brief's key view, printed for the log: window_start|entity_id -> mentions, articles.
jq -r '"\(.window_start)|\(.entity_id) -> \(.mentions), \(.articles)"' "$work/flink.counts" |
  sed -n "1,5s/^/    /p" >&2
took

# --- 6. Streaming: checkpoints, stop with a savepoint, resume from it ------------------------------
final_panes_equal() { # the last pane of every window and entity equals the batch row
  local files=("$work/flink-streaming/counts"/*.json)
  [ -e "${files[0]}" ] || return 1
  cat "${files[@]}" | jq -s -c 'group_by(.window_start + "|" + .entity_id)[] | max_by(.pane_index)' |
    jq -cS 'del(.pane_index, .pane_timing)' | sort >"$work/flink-streaming.final"
  jq -cS 'del(.pane_index, .pane_timing)' "$work/direct.counts" | sort >"$work/direct.nopane"
  cmp -s "$work/direct.nopane" "$work/flink-streaming.final"
}
final_pairs_equal() { # the last pane of every window and pair equals the batch co-mention row
  local files=("$work/flink-streaming/comentions"/*.json)
  [ -e "${files[0]}" ] || return 1
  cat "${files[@]}" |
    jq -s -c 'group_by(.window_start + "|" + .entity_a_id + "|" + .entity_b_id)[] | max_by(.pane_index)' |
    jq -cS 'del(.pane_index, .pane_timing)' | sort >"$work/flink-streaming.pairs"
  jq -cS 'del(.pane_index, .pane_timing)' "$work/direct.comentions" | sort >"$work/direct.pairs"
  cmp -s "$work/direct.pairs" "$work/flink-streaming.pairs"
}
wait_final_panes() { # $1: timeout in seconds
  local began=$SECONDS
  until final_panes_equal && final_pairs_equal; do
    [ $((SECONDS - began)) -ge "$1" ] && return 1
    sleep 2
  done
}
if $streaming; then
  step "submitting the job in streaming mode with checkpoints every 2 s"
  sargs=("--flinkMaster=$master" "--streaming=true" "--checkpointingInterval=2000"
    "--input=$input" "--output=$work/flink-streaming")
  sjid=$("$repo/scripts/submit-flink.sh" "${sargs[@]}" 2>"$work/submit-streaming.log") ||
    { tail -30 "$work/submit-streaming.log" >&2; exit 1; }
  "$repo/scripts/flink-job.sh" "--flinkMaster=$master" wait "$sjid" --until=running --timeout=120
  took
  step "waiting for the streaming job's counts and a checkpoint"
  check "streaming: final panes equal the batch counts and co-mentions" wait_final_panes 120
  check "streaming: a checkpoint completed" \
    "$repo/scripts/flink-job.sh" "--flinkMaster=$master" checkpoint "$sjid" --timeout=60
  took
  step "stopping job $sjid with a savepoint"
  savepoint=$("$repo/scripts/flink-job.sh" "--flinkMaster=$master" stop "$sjid" --timeout=120) || true
  echo "  savepoint: ${savepoint:-none}" >&2
  saved() { [ -n "$savepoint" ] && [ -f "${savepoint#file:}/_metadata" ]; }
  check "streaming: stop-with-savepoint wrote a savepoint" saved
  took
  if [ -n "$savepoint" ]; then
    step "resuming from the savepoint"
    rjid=$("$repo/scripts/submit-flink.sh" "${sargs[@]}" "--savepointPath=$savepoint" \
      2>"$work/submit-resume.log") || { tail -30 "$work/submit-resume.log" >&2; exit 1; }
    "$repo/scripts/flink-job.sh" "--flinkMaster=$master" wait "$rjid" --until=running --timeout=120 || true
    restored=$("$repo/scripts/flink-job.sh" "--flinkMaster=$master" restored "$rjid" || true)
    echo "  job $rjid restored from: ${restored:-nothing}" >&2
    same_savepoint() { [ "$restored" = "$savepoint" ]; }
    check "streaming: the resumed job restored from that savepoint" same_savepoint
    check "streaming: final panes still equal the batch counts and co-mentions after the restart" wait_final_panes 60
    "$repo/scripts/flink-job.sh" "--flinkMaster=$master" cancel "$rjid"
    took
  fi
fi

echo "test-flink-cluster: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
