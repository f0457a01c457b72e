#!/usr/bin/env bash
# usage: heldout-voices.sh OUT: spoken digits by espeak-ng voices that no Heed training reads (accent +
# variant pairs absent from heed-data/synthetic-digits), 5 takes per digit and voice, rate 120-200,
# pitch 20-80, trimmed at -40 dB, 8 kHz mono, named {digit}_{voice}_{take}.wav (FSDD's layout).
OUT=${1:-heed-data/heldout-voices}
mkdir -p "$OUT"
VOICES=(en-US+linda en-US+john en-GB-x-rp+paul en-GB-scotland+belinda en-029+ed en-US-nyc+m7 en+klatt4 en-GB-x-gbclan+aunty)
WORDS=(zero one two three four five six seven eight nine)
RANDOM=7
for v in "${VOICES[@]}"; do
  name=$(echo "$v" | tr -d '+-')
  for d in 0 1 2 3 4 5 6 7 8 9; do
    for t in 0 1 2 3 4; do
      rate=$((120 + RANDOM % 81)); pitch=$((20 + RANDOM % 61))
      espeak-ng -v "$v" -s $rate -p $pitch -w /tmp/hv.wav "${WORDS[$d]}"
      sox /tmp/hv.wav -r 8000 -c 1 -b 16 "$OUT/${d}_${name}_${t}.wav" silence 1 0.01 -40d reverse silence 1 0.01 -40d reverse
    done
  done
done
ls "$OUT" | wc -l
