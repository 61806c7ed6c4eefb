#!/usr/bin/env bash
# Generates a synthetic corpus of N scraper-style articles (~3 KB each) under OUT:
#   scripts/gen-corpus.sh N OUT [--seed=S] [--syndicated=0.3] [--sameEvent=0.1] [--bad=0.01]
#                              [--jsonl=0.7] [--month=2025-05]
# 70% of the articles go to OUT/jsonl/part-NNNNN.jsonl (news-please JSON lines, 10,000 a file), 30%
# to OUT/raw/NNNNN/*.txt (raw scraper text, 1,000 files a folder); OUT/corpus.properties says what
# was written. Same arguments, same bytes. Builds the project first when needed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 2 ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
cp="$(module_classpath testing)"
exec java ${GEN_JAVA_OPTS:--Xmx512m} -cp "$cp" \
  org.newsmentions.bench.CorpusGenerator "$@"
