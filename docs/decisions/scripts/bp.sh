#!/usr/bin/env bash
# usage: bp.sh ARM SPEAKER P: re-decode a fold with blank penalty P
ARM=$1; S=$2; P=$3
cd /work/main
java -Dheed.home=/work/main -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -Dheed.trial.blankpenalty=$P \
  -jar /tmp/jb/heed.jar eval speech --model heed-data/exp/$ARM/without-$S --data heed-data/spk/$S --indices all --babble-snr 10 \
  > heed-data/exp/bp-$ARM-$S-$P.log 2>&1
