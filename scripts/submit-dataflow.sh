#!/usr/bin/env bash
# Submits the pipeline to Google Cloud Dataflow with Beam's DataflowRunner.
#
#   scripts/submit-dataflow.sh --project=PROJECT --region=REGION --tempLocation=gs://BUCKET/tmp \
#     --input='gs://BUCKET/news/*.jsonl' --output=gs://BUCKET/out/today [pipeline options]
#
# Builds pipeline/target/news-mentions-bundled-dataflow.jar first when it is missing or older than
# the sources (mvn -Pdataflow-runner package), then runs it: the runner stages the jar under
# --stagingLocation (default: under --tempLocation), submits the job and, for a batch job, waits
# for it to end and prints the counters (--waitUntilFinish=false returns once it is submitted).
#
# Prerequisites (once per machine and project):
#   - gcloud auth application-default login   (or GOOGLE_APPLICATION_CREDENTIALS=key.json of a
#     service account allowed to run Dataflow jobs and to use the bucket)
#   - gcloud services enable dataflow.googleapis.com compute.googleapis.com storage.googleapis.com
#   - a Cloud Storage bucket in the region for --tempLocation (gcloud storage buckets create ...)
#   - the workers read --input and write --output: use gs:// paths (local paths are on this
#     machine only). Kafka in and out needs only a broker the workers can reach.
# Useful options: --jobName, --numWorkers, --maxNumWorkers, --workerMachineType,
# --streaming=true, --serviceAccount, --network/--subnetwork, --labels, --update (streaming).
# Environment: JAVA_OPTS for the client JVM [-Xmx1g], MVN_FLAGS for the build.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"

args=()
project="" region="" temp=""
for a in "$@"; do
  case "$a" in
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    --runner=*) [ "${a#*=}" = DataflowRunner ] || { echo "submit-dataflow.sh runs the DataflowRunner only" >&2; exit 2; } ;;
    --project=*) project="${a#*=}"; args+=("$a") ;;
    --region=*) region="${a#*=}"; args+=("$a") ;;
    --tempLocation=*) temp="${a#*=}"; args+=("$a") ;;
    --input=* | --output=*)
      case "${a#*=}" in
        gs://*) ;;
        *) echo "warning: ${a%%=*} is not a gs:// path: Dataflow workers cannot see this machine's files" >&2 ;;
      esac
      args+=("$a")
      ;;
    *) args+=("$a") ;;
  esac
done
missing=()
[ -n "$project" ] || missing+=(--project)
[ -n "$region" ] || missing+=(--region)
[ -n "$temp" ] || missing+=(--tempLocation=gs://...)
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]} (see --help)" >&2
  exit 2
fi
[[ "$temp" == gs://* ]] || { echo "--tempLocation must be a gs:// path" >&2; exit 2; }
adc="${CLOUDSDK_CONFIG:-$HOME/.config/gcloud}/application_default_credentials.json"
if [ -z "${GOOGLE_APPLICATION_CREDENTIALS:-}" ] && [ ! -f "$adc" ]; then
  echo "no Google credentials: run 'gcloud auth application-default login' or set" \
    "GOOGLE_APPLICATION_CREDENTIALS (see --help)" >&2
  exit 1
fi

jar=$(bundled_jar dataflow)
echo "Submitting to Dataflow (project $project, region $region)..." >&2
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx1g} -jar "$jar" --runner=DataflowRunner "${args[@]}"
