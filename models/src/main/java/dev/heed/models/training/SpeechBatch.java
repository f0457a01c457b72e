package dev.heed.models.training;

/**
 * A training batch of utterances of equal length (pad with the recording's silence, as a stream
 * would present it).
 *
 * @param features {@code (B, T, M)} log-mel frames, not normalised
 * @param labels per utterance its token ids (1-based; 0 is the CTC blank)
 */
public record SpeechBatch(float[][][] features, int[][] labels) {}
