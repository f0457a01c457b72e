# ship36.sh: after PFB36S's check split met its rule, train the shipped model with --steps 36000 and measure the README's figures
cd /work/main
J="java -Dheed.home=/work/main -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -jar ${JD:-/tmp/jC}/heed.jar"
O=heed-data/final/speech-digits-pfb36s
# beside the training: each PFB36S fold through babble, noise never heard and streamed at 16 kHz (the README's unseen-speaker tables)
( for a in "PFB36S jackson" "PFB36S lucas" "PFB36S-check nicolas" "PFB36S-check theo" "PFB36S-check yweweler"; do
    set -- $a; M=heed-data/exp/$1/without-$2; D=heed-data/spk/$2
    $J eval speech --model $M --data $D --indices all --babble-snr 20,10,5 > heed-data/exp/eval-$1-$2-babble.log 2>&1
    $J eval speech --model $M --data $D --indices all --noise pink,brown,hum,heed-data/babble-nondigit > heed-data/exp/noise-$1-$2.log 2>&1
    $J eval speech --model $M --data $D --indices all --streaming --input-rate 16000 > heed-data/exp/eval-$1-$2-stream16.log 2>&1
  done; date > heed-data/final/pfb36s-folds.end ) &
date > heed-data/final/pfb36s-train.start
$J train speech --data ../shared/data/fsdd --out $O \
  --steps 36000 --max-minutes 0 --eval-every 1000 --batch-size 16 --lr 0.002 --layers 3 \
  --synthetic heed-data/synthetic-digits --stream-mean 10 --stream-cold 0.5 --stream-prior 100 \
  --babble 0.25 --babble-snr-range 5,25 --blank-penalty 1 > heed-data/final/pfb36s-train.log 2>&1
date > heed-data/final/pfb36s-train.end
wait
$J eval speech --model $O --data ../shared/data/fsdd --babble-snr 20,10,5 --noise pink,brown,hum,heed-data/babble-nondigit > heed-data/final/pfb36s-eval.log 2>&1
$J eval speech --model $O --data ../shared/data/fsdd --streaming > heed-data/final/pfb36s-stream8.log 2>&1
$J eval speech --model $O --data ../shared/data/fsdd --streaming --input-rate 16000 > heed-data/final/pfb36s-stream16.log 2>&1
date > heed-data/final/pfb36s-all.end
