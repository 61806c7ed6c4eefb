#!/usr/bin/env bash
# Times the report of a run in headless Chromium: navigation start to the charts and tables drawn,
# as the page records it (performance.now() on <body>: data-drawn-ms when its script has built
# every chart and table, data-painted-ms at the first frame after that, once laid out and painted).
# Each load is a fresh browser with an empty profile; prints every load and the medians. A load
# that did not draw is reported with what the browser said and retried (at most 3 in all).
#   scripts/report-timing.sh DIR [--runs=5]      DIR: a run's output folder (DIR/report/index.html;
#                                                  made by scripts/report.sh when missing)
# CHROMIUM overrides the browser (default /usr/bin/chromium).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="" runs=5
for a in "$@"; do
  case "$a" in
    --runs=*) runs="${a#*=}" ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "unknown argument: $a" >&2; exit 2 ;;
    *) dir="$a" ;;
  esac
done
[ -n "$dir" ] || { echo "usage: scripts/report-timing.sh DIR [--runs=5]" >&2; exit 2; }
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "no Chromium at $chromium (apt-get install chromium)" >&2; exit 1; }
page="$(cd "$dir" && pwd)/report/index.html"
[ -f "$page" ] || "$repo/scripts/report.sh" --output="$dir" >&2

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
drawn=() painted=() failed=0
echo "page: $page ($(stat -c %s "$page") bytes); $("$chromium" --version 2>/dev/null); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'load\tdrawn_ms\tpainted_ms\tbrowser_wall_ms\n'
i=0
while [ ${#drawn[@]} -lt "$runs" ]; do
  i=$((i + 1))
  profile="$(mktemp -d)"
  began=$(date +%s%N)
  rc=0
  dom="$("$chromium" --headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --virtual-time-budget=5000 --dump-dom "file://$page" \
    2>"$profile.err")" || rc=$?
  wall=$(( ($(date +%s%N) - began) / 1000000 ))
  d="$(grep -o 'data-drawn-ms="[0-9.]*"' <<<"$dom" | grep -o '[0-9.]*' || true)"
  p="$(grep -o 'data-painted-ms="[0-9.]*"' <<<"$dom" | grep -o '[0-9.]*' || true)"
  if [ -z "$d" ] || [ -z "$p" ]; then
    # Said, not hidden: a load that did not draw is reported and retried (at most 3 times).
    failed=$((failed + 1))
    echo "load $i failed: chromium exit $rc, ${#dom} bytes of DOM, drawn '${d}', painted '${p}'" \
      "$(grep -o 'data-error="[^"]*"' <<<"$dom" || true) $(grep -v dbus "$profile.err" | tail -2 | tr '\n' ' ')" >&2
    rm -rf "$profile" "$profile.err"
    [ "$failed" -le 3 ] || { echo "more than 3 failed loads" >&2; exit 1; }
    continue
  fi
  rm -rf "$profile" "$profile.err"
  printf '%s\t%s\t%s\t%s\n' "$i" "$d" "$p" "$wall"
  drawn+=("$d") painted+=("$p")
done
[ "$failed" -eq 0 ] || echo "$failed load(s) did not draw and were retried (see above)"
echo "median of $runs: drawn $(printf '%s\n' "${drawn[@]}" | median) ms, painted $(printf '%s\n' "${painted[@]}" | median) ms (navigation start to charts drawn)"
