# shellcheck shell=bash
# Sourced by the submit and test scripts: builds the bundled (shaded) jar for one runner when it
# is missing or older than the sources, and prints its path.
#   bundled_jar flink|dataflow
# Maven flags (e.g. -o) via MVN_FLAGS.
bundled_jar() {
  local runner="$1"
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  local jar="$repo/pipeline/target/news-mentions-bundled-$runner.jar"
  # schemas/target is pruned: every build rewrites files there.
  if [ ! -f "$jar" ] || [ -n "$(find "$repo/pipeline/src/main" "$repo/schemas" "$repo/pom.xml" \
    "$repo/pipeline/pom.xml" -path "$repo/schemas/target" -prune -o -newer "$jar" -type f -print \
    -quit 2>/dev/null)" ]; then
    echo "Building the bundled $runner jar (mvn -P$runner-runner package; the first time downloads" \
      "the runner's dependencies: a few minutes)..." >&2
    # shellcheck disable=SC2086
    (cd "$repo" && mvn -q -B ${MVN_FLAGS:-} -DskipTests "-P$runner-runner" package) >&2
    [ -f "$jar" ] || { echo "the build did not produce $jar" >&2; return 1; }
  fi
  echo "$jar"
}

# Turns relative local paths in a comma-separated list into absolute ones: the workers of a
# cluster do not share the submitting shell's working directory. URLs (gs://, file://...) are
# left as they are.
absolute_paths() {
  local out="" p
  local IFS=','
  for p in $1; do
    case "$p" in
      /* | *://*) ;;
      *) p="$PWD/$p" ;;
    esac
    out="${out:+$out,}$p"
  done
  echo "$out"
}
