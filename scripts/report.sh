#!/usr/bin/env bash
# Writes DIR/report/index.html, one self-contained page (no network, everything inlined) about a
# run's output folder DIR: mentions over time for the top entities, a picker to chart any entity,
# the top entities per window, the biggest stories, the pairs named together (when the run wrote
# comentions/) and the dead letters by reason. Reads the JSON-lines files; for streaming output it
# keeps the highest pane_index per key. See docs/report.md.
#   scripts/report.sh --output=out/samples [--top=8] [--rows=10] [--stories=20] [--pairs=20]
#                     [--pickerEntities=20000]
# Builds the project first when the build is missing or older than the sources.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case " $* " in
  *" --output="*) ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
     exit 2 ;;
esac
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
cp="$(module_classpath report)"
exec java ${JAVA_OPTS:--Xmx2g} -cp "$cp" org.newsmentions.report.ReportMain "$@"
