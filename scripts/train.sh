#!/usr/bin/env bash
# Trains the entity tagger (npm run train): builds the native trainer if
# needed, trains on CoNLL-2003 train, picks epochs on valid, and writes
# models/ner.model and models/ner.metrics.json (valid P/R/F1, exact spans).
# The data is read from ../shared next to the checkout, or $AI_SHARED_DIR.
# Rebuild afterwards (npm run build) to embed the new model.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${AI_SHARED_DIR:-$(dirname "$PWD")/shared}
conll=$shared/corpora/conll2003
if [ ! -f "$conll/train.txt" ] || [ ! -f "$conll/valid.txt" ]; then
  echo "train: $conll/{train,valid}.txt not found (set AI_SHARED_DIR to the shared data folder)" >&2
  exit 1
fi
build=${AI_TRAIN_BUILD_DIR:-build/native}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target train_ner eval_ner

gazetteer_args=()
for list in data/gazetteer/*.tsv; do
  [ -f "$list" ] && gazetteer_args+=(--gazetteer "$list")
done
time "$build/train_ner" --train "$conll/train.txt" --valid "$conll/valid.txt" \
  --out models/ner.model --metrics models/ner.metrics.json "${gazetteer_args[@]}"
echo "train: wrote models/ner.model ($(wc -c < models/ner.model) bytes) and models/ner.metrics.json"
