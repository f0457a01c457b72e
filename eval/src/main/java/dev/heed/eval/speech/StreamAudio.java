package dev.heed.eval.speech;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.LogMelExtractor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A training utterance joined after recordings its stream heard before it (each after 100-400 ms of
 * silence), so that augmenting the joined samples once gives them all one microphone and room; then
 * split back into the utterance and its past.
 */
final class StreamAudio {

    private final float[] samples;
    private final int[] starts;
    private final int[] ends;

    private StreamAudio(float[] samples, int[] starts, int[] ends) {
        this.samples = samples;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * {@code past} then {@code current} padded with silence to {@code length} samples at {@code
     * rate}.
     */
    static StreamAudio join(
            List<Recording> past, float[] current, int length, int rate, Random random) {
        int[] starts = new int[past.size()];
        int[] ends = new int[past.size()];
        int at = 0;
        for (int j = 0; j < past.size(); j++) {
            starts[j] = at;
            at += (int) ((0.1 + 0.3 * random.nextDouble()) * rate) + past.get(j).samples().length;
            ends[j] = at;
        }
        float[] out = new float[at + Math.max(length, current.length)];
        for (int j = 0; j < past.size(); j++) {
            float[] s = past.get(j).samples();
            System.arraycopy(s, 0, out, ends[j] - s.length, s.length);
        }
        System.arraycopy(current, 0, out, at, current.length);
        return new StreamAudio(out, starts, ends);
    }

    float[] samples() {
        return samples;
    }

    /** Where the utterance starts in {@link #samples()}. */
    int currentStart() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    /** The utterance's part of {@code heard} (the joined samples as augmented). */
    float[] current(float[] heard) {
        return Arrays.copyOfRange(heard, currentStart(), heard.length);
    }

    /**
     * Log-mel frames of each past recording's part of {@code heard}, its pause before it included.
     */
    float[][][] past(float[] heard, FeatureConfig features) {
        float[][][] out = new float[starts.length][][];
        for (int j = 0; j < starts.length; j++) {
            out[j] =
                    LogMelExtractor.extract(
                            features, Arrays.copyOfRange(heard, starts[j], ends[j]));
        }
        return out;
    }
}
