#!/usr/bin/env bash
# usage: JD=jar dir JOPTS="-D..." bash heed-data/nabxe.sh NAME [--set k=v ...]: the expanded choice set
NAME=$1; shift
cd /work/main
java -Dheed.home=/work/main -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 $JOPTS \
  -jar ${JD:-/tmp/j0}/heed.jar eval nab --data ../shared/data/nab --data heed-data/synth-nab --data heed-data/synth-nab-more \
  --categories artificialNoAnomaly,artificialWithAnomaly,realAWSCloudwatch,synthNoAnomaly,synthWithAnomaly \
  --out heed-data/nabx/$NAME "$@" > heed-data/nabx/$NAME.log 2>&1
