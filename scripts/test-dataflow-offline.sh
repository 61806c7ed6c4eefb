#!/usr/bin/env bash
# Offline test of the Dataflow translation (run by .ci/run): no cloud account, no network.
#
# Runs the bundled Dataflow jar exactly as scripts/submit-dataflow.sh does, but with
# --templateLocation pointing at a local file, so the DataflowRunner translates the pipeline into
# a Dataflow job and writes it there instead of submitting it. NoopCredentialFactory and
# NoopPathValidator keep it away from Google's services; temp and staging folders are local
# (staging copies the bundled jar and the pipeline proto there, as it would to gs://). Then it
# checks, for a batch and a streaming translation, that the job has the pipeline's stages:
# ReadArticles, ParseArticles, ExtractEntities, WindowByPublication, DeduplicateAcrossOutlets,
# CountMentions, WriteOutputs. A change that breaks Dataflow translation fails here.
#
#   scripts/test-dataflow-offline.sh [--work=DIR]   (default target/dataflow-offline-test)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
TEST_NAME=test-dataflow-offline
# shellcheck source=scripts/lib/checks.sh
. "$repo/scripts/lib/checks.sh"
work="$repo/target/dataflow-offline-test"
for a in "$@"; do
  case "$a" in
    --work=*) work="${a#*=}" ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }
mkdir -p "$work"
work="$(cd "$work" && pwd)"
stages=(ReadArticles ParseArticles ExtractEntities WindowByPublication DeduplicateAcrossOutlets
  CountMentions WriteOutputs)

began=$SECONDS
echo "[test-dataflow-offline $(date +%T)] building the bundled Dataflow jar if stale" >&2
jar=$(bundled_jar dataflow)
echo "[test-dataflow-offline $(date +%T)]   ...$((SECONDS - began)) s" >&2
check "the bundled Dataflow jar holds no benchmark, evaluation or reference-model classes" \
  jar_has_no_tooling "$jar"


for mode in batch streaming; do
  began=$SECONDS
  dir="$work/$mode"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo "[test-dataflow-offline $(date +%T)] translating the $mode job" >&2
  streaming_flag=()
  [ "$mode" = streaming ] && streaming_flag=(--streaming=true)
  rc=0
  java -Xmx1g -jar "$jar" \
    --runner=DataflowRunner \
    --project=news-mentions-offline-test --region=europe-west1 \
    --credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory \
    --pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator \
    "--tempLocation=$dir/temp" "--gcpTempLocation=$dir/temp" "--stagingLocation=$dir/staging" \
    "--templateLocation=$dir/template.json" --waitUntilFinish=false \
    "--input=$repo/samples/raw/*.txt,$repo/samples/jsonl/*.jsonl" "--output=$dir/out" \
    ${streaming_flag[@]+"${streaming_flag[@]}"} >"$dir/translate.log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    echo "  the DataflowRunner failed (exit $rc); last lines of $dir/translate.log:" >&2
    grep -v '^\s*at ' "$dir/translate.log" | tail -15 >&2
  fi
  template="$dir/template.json"
  valid_json() { [ -s "$template" ] && jq -e '.steps | length > 0' "$template" >/dev/null; }
  check "$mode: the runner wrote a job with steps to $template" valid_json
  if valid_json; then
    # Every step's user name is its full transform path (Stage/Inner/...).
    jq -r '.steps[].properties.user_name | if type == "object" then .value else . end' \
      "$template" >"$dir/step-names.txt"
    for s in "${stages[@]}"; do
      has_stage() { grep -Eq "(^|/)$1(/|$)" "$dir/step-names.txt"; }
      check "$mode: stage $s is in the job" has_stage "$s"
    done
    want_type=JOB_TYPE_BATCH
    [ "$mode" = streaming ] && want_type=JOB_TYPE_STREAMING
    job_type() { [ "$(jq -r .type "$template")" = "$want_type" ]; }
    check "$mode: job type $want_type" job_type
    grouped() { jq -e '[.steps[] | select(.kind == "GroupByKey")] | length > 0' "$template" >/dev/null; }
    check "$mode: the job groups by key (windowed dedup and counts)" grouped
    staged() { compgen -G "$dir/staging/pipeline-*.pb" >/dev/null && compgen -G "$dir/staging/*.jar" >/dev/null; }
    check "$mode: the pipeline proto and the jar were staged" staged
    echo "  $(jq '.steps | length' "$template") steps:" \
      "$(jq -c '[.steps[].kind] | group_by(.) | map({(.[0]): length}) | add' "$template")" >&2
  fi
  # The staged copy of the bundled jar is 170 MB: keep the template and the log only.
  rm -rf "$dir/staging" "$dir/temp"
  echo "[test-dataflow-offline $(date +%T)]   ...$((SECONDS - began)) s" >&2
done

echo "test-dataflow-offline: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
