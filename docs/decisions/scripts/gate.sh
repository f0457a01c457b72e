#!/bin/bash
# gate-only later model trial (speech.md 20:53): jackson, lucas, nicolas; PFB24S alone for jackson and lucas again
cd /work/main
G="java -Dheed.home=/work/main -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -Dheed.trial.gate=true -jar /tmp/jgate/heed.jar"
J="java -Dheed.home=/work/main -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -jar /tmp/jcur/heed.jar"
run() { # arm speaker tail
  B=heed-data/exp/PFB24S/without-$2; L=heed-data/exp/PFB24S-BG/without-$2
  if [ $1 = two ]; then $G eval speech --model $B --data heed-data/spk/$2 --indices all --streaming --babble-snr 20,10,5 --stream-tail $3 --set speech.model.later.dir=$L
  else $J eval speech --model $B --data heed-data/spk/$2 --indices all --streaming --babble-snr 20,10,5 --stream-tail $3; fi 2>&1 | grep -v NNPACK > heed-data/lg/gate-$1-$2-t$3.log
}
run two jackson 300 & run two jackson 3000 & wait
run two lucas 300 & run two lucas 3000 & wait
run two nicolas 300 & run two nicolas 3000 & wait
run one jackson 300 & run one jackson 3000 & wait
run one lucas 300 & run one lucas 3000 & wait
date > heed-data/lg/gate.done
