/**
 * Implementation of the audio topology, not API: chunk headers and validation, the per-stream state
 * (resampler, features, VAD, open utterance) with its binary form, loudness, and the JSON of
 * transcripts.
 */
package dev.heed.streams.transcription.internal;
