#!/usr/bin/env bash
# Measures parsing, entity mentions and deduplication on the labelled dev set (eval/devset) and
# prints precision/recall tables. Usage: scripts/eval.sh [parsing|entities|dedup|all|throughput]
# Exits 1 when a target is missed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
cp="$(module_classpath testing)"
cd "$repo"
exec java -cp "$cp" org.newsmentions.eval.Evaluate "$@"
