package dev.heed.models.training;

/**
 * A training batch of utterances of equal length (pad with the recording's silence, as a stream
 * would present it).
 *
 * @param features {@code (B, T, M)} log-mel frames, not normalised
 * @param labels per utterance its token ids (1-based; 0 is the CTC blank)
 * @param context per utterance, the raw log-mel frames {@code (T_j, M)} of the utterances its
 *     stream heard before it (same speaker and microphone), for a model with a stream mean; null
 *     (or a null entry) for none
 */
public record SpeechBatch(float[][][] features, int[][] labels, float[][][][] context) {

    /** A batch of utterances each heard first on its stream. */
    public SpeechBatch(float[][][] features, int[][] labels) {
        this(features, labels, null);
    }

    /** Utterance {@code i}'s earlier utterances; empty for none. */
    public float[][][] contextOf(int i) {
        return context == null || context[i] == null ? new float[0][][] : context[i];
    }
}
