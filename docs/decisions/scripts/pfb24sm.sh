#!/usr/bin/env bash
# usage: pfb24sm.sh ARM SPEAKER [extra train args]: PFB24S's recipe (built options) at 24,000 steps,
# one leave-one-speaker-out fold, plus any extra args (PFB24SM: --mixed-voices 0.25); log in heed-data/exp
ARM=$1; S=$2; shift 2
cd "$(dirname "$0")/../../.."
./heed eval speech --data ../shared/data/fsdd --indices all --leave-one-speaker-out \
  --folds heed-data/exp/$ARM --fold-speakers $S --babble-snr 10 --train-args \
  "--steps 24000 --max-minutes 0 --eval-every 1000 --batch-size 16 --lr 0.002 --layers 3 --synthetic heed-data/synthetic-digits --stream-mean 10 --stream-cold 0.5 --stream-prior 100 --babble 0.25 --babble-snr-range 5,25 --blank-penalty 1 $*" \
  > heed-data/exp/$ARM-$S.log 2>&1
