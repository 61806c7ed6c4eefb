#!/usr/bin/env bash
# Trains the bundled named-entity model from CoNLL-2003 and writes it into the pipeline's resources.
#
#   scripts/train-ner.sh [--train=FILE] [--dev=FILE] [--out=FILE] [--epochs=N] [--seed=N]
#                        [--min-count=N]
#
# Defaults: --train=../shared/ner/eng.train, --dev=../shared/ner/eng.testa (scored after each
# epoch, not used to fit), --out=pipeline/src/main/resources/org/newsmentions/entities/ner-model.bin.gz,
# 12 epochs, seed 20261207, every feature seen in training. Deterministic: the same inputs and
# arguments give the same model file. Takes a few minutes on one core.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/build.sh
. "$repo/scripts/lib/build.sh"
cp="$(module_classpath testing)"
cd "$repo"
exec java -Xmx4g -cp "$cp" org.newsmentions.eval.TrainNer "$@"
