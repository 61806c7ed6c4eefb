# shellcheck shell=bash
# Sourced by every script that runs the project's classes: the one place that decides whether the
# build is stale and rebuilds it. A build is stale when its stamp (the classpath file or bundled
# jar it produced) is missing, or when any POM, Avro schema or file under a module's src/ is newer.
#
#   build_is_stale STAMP                 true when STAMP is missing or older than the sources
#   module_classpath MODULE [RUNNER]     builds if stale, prints "CLASSES:DEPENDENCIES" for java -cp;
#                                        MODULE pipeline (the product), testing (benchmark,
#                                        evaluation, reference model) or report (the HTML report);
#                                        RUNNER direct (default) or flink
#   bundled_jar flink|dataflow           builds if stale, prints the bundled (shaded) jar's path
#   absolute_paths LIST                  comma-separated local paths made absolute (for clusters)
# Maven flags (e.g. -o) via MVN_FLAGS.
NM_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

build_is_stale() {
  local stamp="$1" r="$NM_REPO"
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$r/pom.xml" "$r"/schemas/pom.xml "$r"/schemas/*.avsc "$r"/pipeline/pom.xml \
    "$r"/pipeline/src "$r"/testing/pom.xml "$r"/testing/src "$r"/report/pom.xml "$r"/report/src \
    -newer "$stamp" -type f -print -quit \
    2>/dev/null)" ]
}

_nm_build() { # $1: what for (message), rest: extra Maven arguments
  local what="$1"
  shift
  echo "Building $what (the first build downloads dependencies: a few minutes)..." >&2
  # shellcheck disable=SC2086 # MVN_FLAGS holds several flags
  (cd "$NM_REPO" && mvn -q -B ${MVN_FLAGS:-} -DskipTests "$@" package) >&2
}

module_classpath() {
  local module="$1" runner="${2:-direct}" cpf profile=()
  case "$runner" in
    direct) cpf="$NM_REPO/$module/target/classpath.txt" ;;
    flink) cpf="$NM_REPO/$module/target/classpath-flink.txt"; profile=(-Pflink-runner) ;;
    *) echo "module_classpath: unknown runner $runner" >&2; return 2 ;;
  esac
  if build_is_stale "$cpf" || [ ! -d "$NM_REPO/$module/target/classes" ]; then
    # Under -Pflink-runner the bundled Flink jar is skipped here: a classpath needs no shading.
    if [ "$runner" = flink ]; then profile+=(-Dbundle.phase=none); fi
    _nm_build "$module (${runner} runner classpath)" ${profile[@]+"${profile[@]}"}
    [ -f "$cpf" ] || { echo "the build did not produce $cpf" >&2; return 1; }
    # The dependency plugin leaves an unchanged classpath file untouched: mark the files of
    # every module (the reactor built them all) as fresh.
    touch "$NM_REPO"/*/target/"$(basename "$cpf")"
  fi
  echo "$NM_REPO/$module/target/classes:$(cat "$cpf")"
}

bundled_jar() {
  local runner="$1"
  local jar="$NM_REPO/pipeline/target/news-mentions-bundled-$runner.jar"
  if build_is_stale "$jar"; then
    _nm_build "the bundled $runner jar (-P$runner-runner)" "-P$runner-runner"
    [ -f "$jar" ] || { echo "the build did not produce $jar" >&2; return 1; }
    touch "$jar"
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

# True when a jar holds none of the testing module's packages (benchmark, evaluation, reference
# model): the bundled cluster jars must ship the product only.
jar_has_no_tooling() {
  ! jar tf "$1" | grep -qE '^org/newsmentions/(bench|eval|reference)/'
}
