#!/usr/bin/env bash
# Runs the pipeline on the Direct Runner. With no arguments it runs over the bundled sample
# articles in samples/ and writes to out/samples. Any pipeline option can be passed through:
#   scripts/run-local.sh --input='dir/*.txt,dir/*.jsonl' --output=out/mine
#   scripts/run-local.sh --inputTopic=news-articles --outputTopic=news-mention-counts \
#     --deadLetterTopic=news-dead-letters          (Kafka; runs until stopped, see README)
# Builds the project first when the build is missing or older than the sources.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp_file="$repo/pipeline/target/classpath.txt"
classes="$repo/pipeline/target/classes"

needs_build() {
  [ ! -f "$cp_file" ] || [ ! -d "$classes" ] && return 0
  # schemas/target is pruned: every build rewrites files there.
  [ -n "$(find "$repo/pipeline/src/main" "$repo/schemas" "$repo/pom.xml" "$repo/pipeline/pom.xml" \
      -path "$repo/schemas/target" -prune -o -newer "$cp_file" -type f -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "Building (the first build downloads dependencies: a few minutes)..." >&2
  (cd "$repo" && mvn -q -B -DskipTests package) >&2
fi

args=("$@")
has_opt() { local o; for o in "${args[@]+"${args[@]}"}"; do [[ "$o" == --$1=* ]] && return 0; done; return 1; }
# Defaults for the file source only: with --inputTopic (Kafka) the sinks are chosen explicitly.
if ! has_opt input && ! has_opt inputTopic; then
  args+=("--input=$repo/samples/raw/*.txt,$repo/samples/jsonl/*.jsonl")
  if ! has_opt output; then
    args+=("--output=$repo/out/samples")
  fi
fi

exec java ${JAVA_OPTS:-} -cp "$classes:$(cat "$cp_file")" org.newsmentions.NewsMentionsPipeline \
  "${args[@]}"
