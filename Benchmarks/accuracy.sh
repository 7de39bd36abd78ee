#!/usr/bin/env bash
# Trains every tagger of the README's accuracy table from scratch (random embeddings) on the
# corpora in ../shared/data, two runs at a time with one thread each, and prints the dev figures.
#   Benchmarks/accuracy.sh [OUT_DIR]        (default: accuracy-runs/)
# Every run: seed 1, SLL unless marked WLL, AdaGrad 0.05, batches of 4 sentences, at most 25 minutes.
# Chunking and NER: dropout 0.3 on the hidden layer, at most 40 epochs, early stopping with patience 5.
# POS: dropout 0.5 on the hidden layer and 0.1 on the window features, word dropout (alpha 1),
# suffixes of one, two and three letters, at most 80 epochs, patience 10.
set -euo pipefail
cd "$(dirname "$0")/.."
D=../shared/data
[ -d "$D" ] || { echo "skipped: $D is absent (see the README's data section)"; exit 0; }
OUT=${1:-accuracy-runs}
mkdir -p "$OUT"
swift build -c release --product tagger >/dev/null
T=.build/release/tagger
COMMON="--seed 1 --threads 1 --time-limit 1500 --quiet"
CHUNK="--dropout 0.3 --epochs 40"
POS="--dropout 0.5 --input-dropout 0.1 --word-dropout 1 --suffix-length 1,2,3 --epochs 80 --patience 10"

run() {  # name, arguments...
  local name=$1; shift
  [ -f "$OUT/$name.log" ] && grep -q "best dev" "$OUT/$name.log" && return 0
  $T train "$@" $COMMON --model "$OUT/$name.safetensors" > "$OUT/$name.log" 2>&1 || echo "$name failed: see $OUT/$name.log"
}

lane1() {
  run chunk-caps-sll --train $D/conll2000/train.txt --dev $D/conll2000/dev.txt --task chunk $CHUNK
  run chunk-pos-sll  --train $D/conll2000/train.txt --dev $D/conll2000/dev.txt --task chunk --feature-column 2 $CHUNK
  run ner-caps-sll   --train $D/conll2003/eng.train --dev $D/conll2003/eng.testa --task ner $CHUNK
  run ner-caps-wll   --train $D/conll2003/eng.train --dev $D/conll2003/eng.testa --task ner --criterion wll $CHUNK
  run ner-esp-sll    --train $D/conll2002/esp.train --dev $D/conll2002/esp.testa --task ner $CHUNK
}
lane2() {
  run pos-upos       --train $D/ud-ewt/en_ewt-ud-train.conllu --dev $D/ud-ewt/en_ewt-ud-dev.conllu --task pos --tag-field upos $POS
  run pos-xpos       --train $D/ud-ewt/en_ewt-ud-train.conllu --dev $D/ud-ewt/en_ewt-ud-dev.conllu --task pos --tag-field xpos $POS
  run chunk-caps-wll --train $D/conll2000/train.txt --dev $D/conll2000/dev.txt --task chunk --criterion wll $CHUNK
  run ner-gaz-sll    --train $D/conll2003/eng.train --dev $D/conll2003/eng.testa --task ner --gazetteers $D/gazetteers $CHUNK
  run ner-ned-sll    --train $D/conll2002/ned.train --dev $D/conll2002/ned.testa --task ner $CHUNK
}
lane1 & lane2 & wait

printf "%-16s %s\n" run "result (best dev figure)"
for f in "$OUT"/*.log; do
  printf "%-16s %s\n" "$(basename "$f" .log)" "$(grep -o 'best dev [a-z0-9]* [0-9.]*' "$f" | tail -1) $(grep -o '([0-9]* s)' "$f" | tail -1)"
done
