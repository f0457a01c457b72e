/**
 * The Vosk recogniser (alphacephei, Kaldi-based) behind {@code heed eval speech --compare vosk}.
 * Not part of Heed's runtime: built with {@code -Pvosk} and run through {@code
 * bench-vosk/heed-vosk}.
 */
package dev.heed.bench.vosk;
