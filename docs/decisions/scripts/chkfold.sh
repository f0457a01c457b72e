#!/bin/bash
# usage: [JD=jar dir] chkfold.sh SPEAKER; check-split fold: PFB24S and PFB24S-BG at once, then streamed (speech.md 19:13)
# JD: a folder holding heed.jar and lib/ copied from eval/target after a build (default /tmp/jcur)
cd /work/main; S=$1
JD=${JD:-/tmp/jcur} STEPS=24000 bash docs/decisions/scripts/pfb36s.sh PFB24S $S &
JD=${JD:-/tmp/jcur} STEPS=24000 bash docs/decisions/scripts/pfb36s.sh PFB24S-BG $S --background 0.1 &
wait
date > heed-data/lg/$S.trained
J="java -Dheed.home=/work/main -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -jar ${JD:-/tmp/jcur}/heed.jar"
B=heed-data/exp/PFB24S/without-$S; L=heed-data/exp/PFB24S-BG/without-$S
for t in 300 3000; do
  $J eval speech --model $B --data heed-data/spk/$S --indices all --streaming --babble-snr 20,10,5 --stream-tail $t 2>&1 | grep -v NNPACK > heed-data/lg/chk-one-$S-t$t.log &
  $J eval speech --model $B --data heed-data/spk/$S --indices all --streaming --babble-snr 20,10,5 --stream-tail $t --set speech.model.later.dir=$L 2>&1 | grep -v NNPACK > heed-data/lg/chk-two-$S-t$t.log &
  wait
done
date > heed-data/lg/$S.done
