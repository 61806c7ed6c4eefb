#!/usr/bin/env bash
# Rebuilds samples/warc/sample-crawl.warc.gz, a small crawl of the pages in samples/html/ (with the
# records a real crawl also holds: warcinfo, requests, metadata, a redirect, a 404, robots.txt).
# The file is reproducible byte for byte; SampleCrawlTest fails when it is out of date.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
cp="$(module_classpath testing)"
exec java -cp "$cp" org.newsmentions.samples.SampleCrawl \
  "$repo/samples/html" "$repo/samples/warc/sample-crawl.warc.gz"
