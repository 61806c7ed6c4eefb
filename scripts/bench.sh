#!/usr/bin/env bash
# Benchmarks news-mentions on generated corpora and prints one Markdown table.
#
#   scripts/bench.sh [--sizes=10000,100000,1000000] [--out=DIR] [--seed=42] [--days=N]
#                    [--only=core,stages,dedup,direct,flink] [--timeout=SECONDS] [--direct-max=N]
#                    [--flink-max=N]
#                    [--smoke] [--jmh] [--profile] [--keep-results]
#
# For each size it generates the corpus once (OUT/corpus-N, reused when already there), then runs
# each measurement in its own JVM with an explicit -Xmx, so peak heap is per measurement:
#   (1) core    parse + dedup signature + entity extraction, one thread, no Beam
#   (2) stages  the same work timed stage by stage (plus clustering per 1,000 records)
#   (d) dedup   the dedup stage alone (digests, then StoryDeduplicator per daily window holding only
#               the horizon's digests) on N generated articles streamed without the parser, -Xmx1g
#   (3) direct  the whole pipeline on the Direct Runner, files to a temp output folder, with the
#               runner's immutability and encodability checks off (they cost ~40% of its CPU)
#   (4) flink   the whole pipeline on Flink --flinkMaster=[local], parallelism 2 (-Pflink-runner)
#   --days=N   publication dates over the first N days of the corpus month instead of all of it (a
#              busy day with --days=1); the corpus goes to OUT/corpus-N-dDAYS.
# Results: OUT/results.tsv (raw rows) and OUT/bench-table.md (the table, also printed).
#   --smoke    CI smoke test: default size 500 (every runner finishes in time), short timeouts; finishes in about 2 minutes.
#   --jmh      runs the JMH microbenchmarks (testing/src/test/java/org/newsmentions/bench) instead;
#              extra JMH arguments via JMH_ARGS, e.g. JMH_ARGS='-wi 1 -i 2'.
#   --profile  also records the core with JFR (OUT/core-N.jfr) and prints the hottest frames.
#   --keep-results  appends to OUT/results.tsv instead of starting it afresh (to add a measurement).
# A measurement that exceeds --timeout (default 1800 s; smoke 100 s), or a Direct Runner size above
# --direct-max (default 10000: it holds the whole input in memory and costs tens of ms an article),
# is reported as "not run" with the reason instead of failing the run; so is a Flink size above
# --flink-max (no limit by default). Heap sizes: BENCH_XMX_CORE (4g), BENCH_XMX_DIRECT (12g),
# BENCH_XMX_FLINK (4g), BENCH_XMX_DEDUP (1g). Maven flags (e.g. -o) via MVN_FLAGS. Extra Direct Runner
# options via BENCH_DIRECT_OPTS (default: --enforceImmutability=false --enforceEncodability=false),
# extra Flink options via BENCH_FLINK_OPTS (default none; e.g. --objectReuse=true).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pipeline="$repo/pipeline"

sizes=""
out="$repo/target/bench"
seed=42
days=""
only="core,stages,dedup,direct,flink"
timeout_s=""
direct_max=10000
flink_max=""
smoke=false
jmh=false
profile=false
keep_results=false
for a in "$@"; do
  case "$a" in
    --sizes=*) sizes="${a#*=}" ;;
    --out=*) out="${a#*=}" ;;
    --seed=*) seed="${a#*=}" ;;
    --days=*) days="${a#*=}" ;;
    --only=*) only="${a#*=}" ;;
    --timeout=*) timeout_s="${a#*=}" ;;
    --direct-max=*) direct_max="${a#*=}" ;;
    --flink-max=*) flink_max="${a#*=}" ;;
    --smoke) smoke=true ;;
    --jmh) jmh=true ;;
    --profile) profile=true ;;
    --keep-results) keep_results=true ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $a (see --help)" >&2; exit 2 ;;
  esac
done
if $smoke; then
  sizes="${sizes:-500}"
  timeout_s="${timeout_s:-100}"
fi
sizes="${sizes:-10000,100000,1000000}"
timeout_s="${timeout_s:-1800}"
xmx_core="${BENCH_XMX_CORE:-4g}"
xmx_direct="${BENCH_XMX_DIRECT:-12g}"
xmx_flink="${BENCH_XMX_FLINK:-4g}"
xmx_dedup="${BENCH_XMX_DEDUP:-1g}"
direct_opts="${BENCH_DIRECT_OPTS---enforceImmutability=false --enforceEncodability=false}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
mvn_() { (cd "$repo" && mvn -q -B ${MVN_FLAGS:-} "$@") >&2; }
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
testing="$repo/testing"

# --- Build ---------------------------------------------------------------------------------------
# Classpaths (classes plus dependencies) of the testing module, which holds Bench and the corpus
# generator and depends on the pipeline; rebuilt by the shared helper when stale.
cp_direct="$(module_classpath testing)"
cp_flink=""
if [[ ",$only," == *,flink,* ]] && ! $jmh; then
  cp_flink="$(module_classpath testing flink)"
fi

# --- JMH -----------------------------------------------------------------------------------------
if $jmh; then
  cp_test="$testing/target/classpath-test.txt"
  echo "Compiling the JMH benchmarks..." >&2
  mvn_ -DskipTests -pl testing -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_test"
  # shellcheck disable=SC2086
  java -Xmx1g -cp "$testing/target/test-classes:$cp_direct:$(cat "$cp_test")" \
    org.openjdk.jmh.Main 'org.newsmentions.bench.*' -rf text -rff "$out/jmh.txt" ${JMH_ARGS:-}
  echo "JMH results: $out/jmh.txt"
  exit 0
fi

# --- Measurements --------------------------------------------------------------------------------
results="$out/results.tsv"
$keep_results || rm -f "$results"
log="$out/bench.log"
: >"$log"
flink_conf="$repo/scripts/flink-conf"
bench() { # $1 xmx, $2 classpath file, $3 label for the log, rest: Bench arguments
  local xmx="$1" cpf="$2" label="$3" # cpf: the java -cp value
  shift 3
  local rc=0
  echo "[$(date +%T)] $label (-Xmx$xmx)..." >&2
  timeout --signal=TERM --kill-after=20 "$timeout_s" \
    java "-Xmx$xmx" ${BENCH_JAVA_OPTS:-} -cp "$cpf" \
    org.newsmentions.bench.Bench "$@" --results="${BENCH_RESULTS:-$results}" >>"$log" 2>&1 || rc=$?
  return $rc
}
not_run() { # $1 size, $2 measurement, $3 xmx, $4 reason
  local bytes
  bytes=$(numfmt --from=iec "${3^^}" 2>/dev/null || echo -)
  [ -f "$results" ] || printf 'size\tmeasurement\tarticles\tbytes\twall_s\tcpu_s\tpeak_heap\tlive_heap\txmx\tcores\tnote\n' >"$results"
  printf '%s\t%s\t-\t-\t-\t-\t-\t-\t%s\t-\t%s\n' "$1" "$2" "$bytes" "$4" >>"$results"
}
run() { # $1 size, $2 measurement, $3 xmx, $4 classpath file, rest: Bench arguments
  local size="$1" name="$2" xmx="$3" cpf="$4"
  shift 4
  local rc=0 start=$SECONDS
  bench "$xmx" "$cpf" "$name, $size articles" "$@" || rc=$?
  if [ $rc -eq 124 ] || { [ $rc -eq 137 ] && [ $((SECONDS - start)) -ge "$timeout_s" ]; }; then
    not_run "$size" "$name" "$xmx" "not run: timed out after ${timeout_s} s"
  elif [ $rc -eq 137 ]; then
    not_run "$size" "$name" "$xmx" "failed: killed (SIGKILL) after $((SECONDS - start)) s, likely the kernel's out-of-memory killer"
  elif [ $rc -gt 128 ]; then
    not_run "$size" "$name" "$xmx" "not run: stopped by signal $((rc - 128)) after $((SECONDS - start)) s"
  elif [ $rc -ne 0 ]; then
    local why
    why=$(grep -m1 -o 'OutOfMemoryError[^"]*\|Exception: [^"]\{0,120\}' "$log" | tail -1 || true)
    not_run "$size" "$name" "$xmx" "failed (exit $rc): ${why:-see bench.log}"
  fi
}

IFS=',' read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
  corpus="$out/corpus-$n${days:+-d$days}"
  needs_corpus=false # the dedup measurement generates its articles as it goes
  for m in core stages direct flink; do [[ ",$only," == *,$m,* ]] && needs_corpus=true; done
  if $needs_corpus && { [ ! -f "$corpus/corpus.properties" ] ||
    ! grep -q "^seed=$seed$" "$corpus/corpus.properties" ||
    { [ -n "$days" ] && ! grep -q "^days=$days$" "$corpus/corpus.properties"; }; }; then
    rm -rf "$corpus"
    echo "[$(date +%T)] generating $n articles into $corpus..." >&2
    java -Xmx512m -cp "$cp_direct" org.newsmentions.bench.CorpusGenerator \
      "$n" "$corpus" --seed="$seed" ${days:+--days="$days"} >&2
  fi
  if [[ ",$only," == *,core,* ]]; then
    run "$n" core "$xmx_core" "$cp_direct" core --corpus="$corpus"
    if $profile; then
      jfr_file="$out/core-$n.jfr"
      BENCH_RESULTS="$out/profile-results.tsv" \
        BENCH_JAVA_OPTS="-XX:+FlightRecorder -XX:StartFlightRecording=filename=$jfr_file,settings=profile" \
        bench "$xmx_core" "$cp_direct" "core under JFR" core --corpus="$corpus" || true
      {
        echo "Hottest frames (self time, jdk.ExecutionSample) in the core, $n articles:"
        jfr print --events jdk.ExecutionSample "$jfr_file" | grep -A1 'stackTrace = \[' |
          grep -v 'stackTrace\|^--' | sed 's/line:.*//; s/^ *//' | sort | uniq -c | sort -rn | head -15
        echo "Hottest project frames (inclusive):"
        jfr print --events jdk.ExecutionSample "$jfr_file" | grep -o 'org\.newsmentions\.[A-Za-z.$]*\.[a-zA-Z]*(' |
          sort | uniq -c | sort -rn | head -10
      } | tee "$out/profile-$n.txt"
    fi
  fi
  if [[ ",$only," == *,stages,* ]]; then
    run "$n" stages "$xmx_core" "$cp_direct" stages --corpus="$corpus"
  fi
  if [[ ",$only," == *,dedup,* ]]; then
    run "$n" dedup "$xmx_dedup" "$cp_direct" dedup --articles="$n" --seed="$seed" ${days:+--days="$days"}
  fi
  if [[ ",$only," == *,direct,* ]]; then
    if [ "$n" -gt "$direct_max" ]; then
      not_run "$n" direct "$xmx_direct" "not run: the Direct Runner holds the whole input in memory (and copies each window's state per bundle); above --direct-max=$direct_max it does not fit a 2-core, 24 GB machine"
    else
      tmp_out="$(mktemp -d "$out/direct-out.XXXX")"
      # shellcheck disable=SC2086
      run "$n" direct "$xmx_direct" "$cp_direct" pipeline --corpus="$corpus" --name=direct \
        --runner=DirectRunner $direct_opts --output="$tmp_out"
      rm -rf "$tmp_out"
    fi
  fi
  if [[ ",$only," == *,flink,* ]] && [ -n "$flink_max" ] && [ "$n" -gt "$flink_max" ]; then
    not_run "$n" flink "$xmx_flink" "not run: above --flink-max=$flink_max"
  elif [[ ",$only," == *,flink,* ]]; then
    tmp_out="$(mktemp -d "$out/flink-out.XXXX")"
    # shellcheck disable=SC2086
    run "$n" flink "$xmx_flink" "$cp_flink" pipeline --corpus="$corpus" --name=flink \
      --runner=FlinkRunner --flinkMaster='[local]' --parallelism=2 \
      --flinkConfDir="$flink_conf" --output="$tmp_out" ${BENCH_FLINK_OPTS:-}
    rm -rf "$tmp_out"
  fi
done

# --- Table ---------------------------------------------------------------------------------------
impl="parser: $(grep -q PLACEHOLDER "$pipeline/src/main/java/org/newsmentions/parse/ArticleParser.java" && echo PLACEHOLDER || echo real)"
impl="$impl, extractor: $(grep -q PLACEHOLDER "$pipeline/src/main/java/org/newsmentions/entities/EntityExtractor.java" && echo PLACEHOLDER || echo real)"
{
  echo "## Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (modified)'); $impl;" \
    "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1);" \
    "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); seed $seed."
  echo
  java -cp "$cp_direct" org.newsmentions.bench.Bench table --results="$results" --cores="$(nproc)"
} | tee "$out/bench-table.md"
echo
echo "Table: $out/bench-table.md  rows: $results  log: $log"
