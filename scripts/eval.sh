#!/usr/bin/env bash
# Measures parsing, entity mentions and deduplication on the labelled dev set (eval/devset) and
# prints precision/recall tables. Usage: scripts/eval.sh [--recognizer=ner|rules] [parsing|entities|dedup|all|throughput]
# scripts/eval.sh ner [--conll=FILE] scores named entities on CoNLL-2003 (default ../shared/ner/eng.testa)
# through the parser and extractor, per type, with the dev set's mention scores beside.
# Exits 1 when a target is missed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
cp="$(module_classpath testing)"
cd "$repo"
exec java -cp "$cp" org.newsmentions.eval.Evaluate "$@"
