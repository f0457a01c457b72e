#!/usr/bin/env bash
# usage: JD=jar dir bash pfb24seed.sh ARM SPEAKER [extra train args]: the shipped command (24,000 steps), one fold
STEPS=24000 exec bash "$(dirname "$0")/pfb36s.sh" "$@"
