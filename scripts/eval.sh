#!/usr/bin/env bash
# Measures parsing, entity mentions and deduplication on the labelled dev set (eval/devset) and
# prints precision/recall tables. Usage: scripts/eval.sh [parsing|entities|dedup|all|throughput]
# Exits 1 when a target is missed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp_file="$repo/pipeline/target/classpath.txt"
if [ ! -f "$cp_file" ] || [ -n "$(find "$repo/pipeline/src/main" -newer "$cp_file" -type f -print -quit)" ]; then
  (cd "$repo" && mvn -q -B -DskipTests package) >&2
fi
cd "$repo"
exec java -cp "$repo/pipeline/target/classes:$(cat "$cp_file")" org.newsmentions.eval.Evaluate "$@"
