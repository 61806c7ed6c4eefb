#!/usr/bin/env bash
# Runs the pipeline on the Direct Runner. With no arguments it runs over the bundled samples in
# samples/ (scraper text files, news-please JSON lines, HTML pages and a small WARC crawl of them)
# and writes to out/samples. Any pipeline option can be passed through:
#   scripts/run-local.sh --input='dir/*.txt,dir/*.jsonl' --output=out/mine
#   scripts/run-local.sh --inputTopic=news-articles --outputTopic=news-mention-counts \
#     --deadLetterTopic=news-dead-letters          (Kafka; runs until stopped, see README)
# Builds the project first when the build is missing or older than the sources.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
cp="$(module_classpath pipeline)"

args=("$@")
has_opt() { local o; for o in "${args[@]+"${args[@]}"}"; do [[ "$o" == --$1=* ]] && return 0; done; return 1; }
# Defaults for the file source only: with --inputTopic (Kafka) the sinks are chosen explicitly.
if ! has_opt input && ! has_opt inputTopic; then
  args+=("--input=$repo/samples/raw/*.txt,$repo/samples/jsonl/*.jsonl,$repo/samples/html/*.html,$repo/samples/warc/*.warc.gz")
  if ! has_opt output; then
    args+=("--output=$repo/out/samples")
  fi
fi

exec java ${JAVA_OPTS:-} -cp "$cp" org.newsmentions.NewsMentionsPipeline \
  "${args[@]}"
