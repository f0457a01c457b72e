#!/usr/bin/env bash
# usage: JD=jar dir [STEPS=N] bash pfb36s.sh ARM SPEAKER [extra train args]: PFB24S's recipe at 36,000 steps (or N), one fold
ARM=$1; S=$2; shift 2
cd /work/main
java -Dheed.home=/work/main -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -jar ${JD:-/tmp/jS}/heed.jar eval speech --data ../shared/data/fsdd --indices all --leave-one-speaker-out \
  --folds heed-data/exp/$ARM --fold-speakers $S --babble-snr 10 --train-args \
  "--steps ${STEPS:-36000} --max-minutes 0 --eval-every 1000 --batch-size 16 --lr 0.002 --layers 3 --synthetic heed-data/synthetic-digits --stream-mean 10 --stream-cold 0.5 --stream-prior 100 --babble 0.25 --babble-snr-range 5,25 --blank-penalty 1 $*" \
  > heed-data/exp/$ARM-$S.log 2>&1
