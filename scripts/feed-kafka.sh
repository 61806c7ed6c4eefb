#!/usr/bin/env bash
# Publishes scraper output to the pipeline's Kafka input topic, one article per record: a raw text
# file is one record, a JSON-lines file one record per line; directories expand to their files.
#   scripts/feed-kafka.sh samples/
#   scripts/feed-kafka.sh --topic=news-articles --bootstrap=127.0.0.1:9092 scraped/2025-05-08/
# Options: --topic (default $KAFKA_INPUT_TOPIC or news-articles), --bootstrap (default
# 127.0.0.1:$KAFKA_PORT, port 9092), --kafkaProperties=FILE (producer settings: TLS, SASL...).
# Builds the project first when the build is missing or older than the sources.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
cp="$(module_classpath pipeline)"

args=("$@")
has_opt() { local o; for o in "${args[@]+"${args[@]}"}"; do [[ "$o" == --$1=* ]] && return 0; done; return 1; }
has_opt topic || args=("--topic=${KAFKA_INPUT_TOPIC:-news-articles}" "${args[@]+"${args[@]}"}")
has_opt bootstrap || args=("--bootstrap=127.0.0.1:${KAFKA_PORT:-9092}" "${args[@]}")

exec java ${JAVA_OPTS:-} -cp "$cp" org.newsmentions.read.FeedKafka "${args[@]}"
