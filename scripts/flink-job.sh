#!/usr/bin/env bash
# Watches and controls jobs on a Flink cluster through its REST API (curl and jq).
#
#   scripts/flink-job.sh [--flinkMaster=HOST:PORT] list
#   scripts/flink-job.sh [--flinkMaster=HOST:PORT] state JOB
#   scripts/flink-job.sh [--flinkMaster=HOST:PORT] wait JOB [--until=finished|running] [--timeout=S]
#   scripts/flink-job.sh [--flinkMaster=HOST:PORT] stop JOB [--savepointDir=DIR] [--drain]
#   scripts/flink-job.sh [--flinkMaster=HOST:PORT] savepoint JOB [--savepointDir=DIR]
#   scripts/flink-job.sh [--flinkMaster=HOST:PORT] checkpoint JOB [--timeout=S]
#   scripts/flink-job.sh [--flinkMaster=HOST:PORT] restored JOB
#   scripts/flink-job.sh [--flinkMaster=HOST:PORT] cancel JOB
#
# list        id, state, duration and name of every job (GET /jobs/overview)
# state       the job's state: RUNNING, FINISHED, FAILED, CANCELED...
# wait        polls /jobs/overview until the job is FINISHED (exit 0), or, with --until=running,
#             until all its tasks run (a streaming job can then checkpoint). Exits 1 as soon as the
#             job FAILED or was CANCELED, 124 after --timeout seconds [600].
# stop        stop-with-savepoint (POST /jobs/JOB/stop); prints the savepoint's path, to resume
#             with `scripts/submit-flink.sh ... --savepointPath=PATH`. Default folder: the
#             cluster's state.savepoints.dir. --drain first flushes all event-time windows (for
#             an end for good, not a restart).
# savepoint   the same without stopping the job.
# checkpoint  the path of the job's latest completed checkpoint (resumable when retained), after
#             waiting up to --timeout seconds for the first one.
# restored    the checkpoint or savepoint the job started from (fails when it started afresh).
# cancel      cancels the job (PATCH /jobs/JOB?mode=cancel).
# Default master: 127.0.0.1:$FLINK_REST_PORT (8081).
set -euo pipefail
master="127.0.0.1:${FLINK_REST_PORT:-8081}"
until_state=finished
timeout_s=600
savepoint_dir=""
drain=false
pos=()
for a in "$@"; do
  case "$a" in
    --flinkMaster=*) master="${a#*=}" ;;
    --until=*) until_state="${a#*=}" ;;
    --timeout=*) timeout_s="${a#*=}" ;;
    --savepointDir=*) savepoint_dir="${a#*=}" ;;
    --drain) drain=true ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) pos+=("$a") ;;
  esac
done
rest="http://${master#http://}"
for t in curl jq; do
  command -v "$t" >/dev/null || { echo "$t is needed (apt-get install $t)" >&2; exit 1; }
done
cmd="${pos[0]:-}"
job="${pos[1]:-}"
need_job() { [ -n "$job" ] || { echo "usage: flink-job.sh $cmd JOB (see --help)" >&2; exit 2; }; }
get() { curl -sf --max-time 10 "$rest$1"; }

job_state() { # from /jobs/overview, as the issue's CI test asks; empty when unknown
  get /jobs/overview | jq -r --arg j "$job" '.jobs[] | select(.jid == $j) | .state'
}

# Runs an asynchronous savepoint operation and prints the savepoint location.
savepoint_op() { # $1: stop|savepoints
  local body trigger status
  if [ "$1" = stop ]; then
    body=$(jq -nc --arg d "$savepoint_dir" --argjson drain "$drain" \
      '{drain: $drain} + (if $d == "" then {} else {targetDirectory: $d} end)')
  else
    body=$(jq -nc --arg d "$savepoint_dir" \
      '{"cancel-job": false} + (if $d == "" then {} else {"target-directory": $d} end)')
  fi
  trigger=$(curl -sf --max-time 30 -X POST -H 'Content-Type: application/json' -d "$body" \
    "$rest/jobs/$job/$1" | jq -r '."request-id"') || {
    echo "the cluster refused the savepoint for job $job" >&2
    return 1
  }
  local began=$SECONDS
  while [ $((SECONDS - began)) -lt "$timeout_s" ]; do
    status=$(get "/jobs/$job/savepoints/$trigger")
    if [ "$(jq -r '.status.id' <<<"$status")" = COMPLETED ]; then
      if jq -e '.operation.location' <<<"$status" >/dev/null; then
        jq -r '.operation.location' <<<"$status"
        return 0
      fi
      echo "savepoint failed: $(jq -c '.operation."failure-cause"."stack-trace" // .operation' <<<"$status" | cut -c1-600)" >&2
      return 1
    fi
    sleep 1
  done
  echo "no savepoint after $timeout_s s" >&2
  return 124
}

case "$cmd" in
  list)
    get /jobs/overview |
      jq -r '.jobs | sort_by(."start-time")[] | [.jid, .state, "\(.duration / 1000 | floor)s", .name] | @tsv'
    ;;
  state)
    need_job
    s=$(job_state)
    [ -n "$s" ] || { echo "no job $job at $rest" >&2; exit 1; }
    echo "$s"
    ;;
  wait)
    need_job
    began=$SECONDS
    while :; do
      s=$(job_state || true)
      case "$s" in
        FINISHED)
          echo "job $job FINISHED after $((SECONDS - began)) s of waiting" >&2
          exit 0
          ;;
        FAILED | CANCELED | SUSPENDED)
          echo "job $job $s" >&2
          get "/jobs/$job/exceptions" | jq -r '.["root-exception"] // empty' | head -20 >&2 || true
          exit 1
          ;;
        RUNNING)
          if [ "$until_state" = running ]; then
            # All tasks deployed and running (or already done), not just the job accepted.
            if get "/jobs/$job" | jq -e '[.vertices[].status] | all(. == "RUNNING" or . == "FINISHED")' >/dev/null; then
              echo "job $job RUNNING" >&2
              exit 0
            fi
          fi
          ;;
      esac
      if [ $((SECONDS - began)) -ge "$timeout_s" ]; then
        echo "job $job is ${s:-unknown} after $timeout_s s" >&2
        exit 124
      fi
      sleep 1
    done
    ;;
  stop) need_job; savepoint_op stop ;;
  savepoint) need_job; savepoint_op savepoints ;;
  checkpoint)
    need_job
    began=$SECONDS
    until path=$(get "/jobs/$job/checkpoints" | jq -er '.latest.completed.external_path' 2>/dev/null); do
      if [ $((SECONDS - began)) -ge "$timeout_s" ]; then
        echo "job $job has no completed checkpoint after $timeout_s s" >&2
        exit 124
      fi
      sleep 1
    done
    echo "$path"
    ;;
  restored)
    need_job
    get "/jobs/$job/checkpoints" | jq -er '.latest.restored.external_path // empty' ||
      { echo "job $job was not restored from a checkpoint or savepoint" >&2; exit 1; }
    ;;
  cancel)
    need_job
    curl -sf --max-time 10 -X PATCH "$rest/jobs/$job?mode=cancel" >/dev/null
    echo "cancelling job $job" >&2
    ;;
  *)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
    exit 2
    ;;
esac
