/**
 * The audio topology, built by {@link dev.heed.streams.transcription.AudioTopology#build}: PCM
 * chunks from {@code topic.audio} are checked, resampled, turned into log-mel features, cut into
 * utterances by a voice activity detector and transcribed, partial and final, with each token's
 * attention over the audio, to {@code topic.transcripts}. {@link
 * dev.heed.streams.transcription.SpeechFeatures} maps a speech model's descriptor to the audio
 * module's feature settings.
 */
package dev.heed.streams.transcription;
