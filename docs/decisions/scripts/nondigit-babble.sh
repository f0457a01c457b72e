#!/usr/bin/env bash
# usage: nondigit-babble.sh OUT: sentences without digit words (nor their homophones: to, too,
# for, won, ate, oh), spoken by espeak-ng accents and flite voices, 8 kHz mono WAV, for babble.
OUT=${1:-heed-data/babble-nondigit}
mkdir -p "$OUT"
SENTENCES=(
"the weather looked grey above the harbour this morning"
"please bring the blue folder back after lunch"
"she walked across the bridge and waved at the boats"
"a small dog barked at the postman near the gate"
"we should paint the kitchen walls a warmer colour"
"the train was late because of snow on the tracks"
"my brother likes apples with cheese and bread"
"turn left at the church and follow the river"
"the children sang loudly during the long journey"
"he forgot his umbrella at the station again"
"the market sells fresh fish and herbs every morning"
"could you close the window it is getting cold"
"the museum has a famous painting of the sea"
"our neighbours planted roses along the fence"
"the meeting moved upstairs into the larger room"
"listen carefully while the teacher reads the story"
"the baker opens early and closes at noon"
"a gentle breeze moved the curtains in the hall"
"they argued about music while cooking dinner"
"the library asks everybody whispering please"
"the engine made a strange noise on the hill"
"grandmother knits warm scarves during the winter"
"the pilot spoke calmly about the bumpy flight"
"my phone battery died in the middle of a call"
"the garden looks lovely after the rain"
"bright lanterns hung above the quiet street"
"the students laughed at the clever joke"
"he carried the heavy boxes up the stairs"
"the ocean was calm and the sky was clear"
"please remember the milk and the butter"
)
n=0
for s in "${SENTENCES[@]}"; do
  for v in en en-us en-gb-scotland en-029 en-gb-x-rp; do
    for p in 35 60; do
      espeak-ng -v "$v" -p $p -s $((140 + (n % 5) * 15)) -w /tmp/nd.wav "$s" 2>/dev/null &&
        sox /tmp/nd.wav -r 8000 -c 1 -b 16 "$OUT/espeak_${n}.wav" 2>/dev/null; n=$((n+1))
    done
  done
  for v in kal slt rms awb; do
    flite -voice $v -t "$s" -o /tmp/nd.wav 2>/dev/null &&
      sox /tmp/nd.wav -r 8000 -c 1 -b 16 "$OUT/flite_${n}.wav" 2>/dev/null; n=$((n+1))
  done
done
ls "$OUT" | wc -l
