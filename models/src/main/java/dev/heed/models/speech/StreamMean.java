package dev.heed.models.speech;

import java.nio.ByteBuffer;

/**
 * A stream's running speech spectrum: the per-mel sum and count of the speech frames ({@link
 * UtteranceMean}'s choice: within {@value UtteranceMean#SPEECH_DB} dB of each utterance's loudest)
 * of the utterances a stream has finished. A model with {@code stream_mean} subtracts the pooled
 * mean of these and the current utterance's speech frames: the speaker's and microphone's colouring
 * goes, as with an utterance's own mean, but the word's own spectrum stays (an utterance's own mean
 * takes the /s/ out of "six" and "seven" alike). With no history it is the utterance's own mean,
 * pulled towards a {@link StreamPrior} when the model has one.
 *
 * <p>Bounded: past {@value #CAP} frames the history is scaled down to that many, so that the mean
 * follows a new speaker or microphone on the same stream within a few utterances. Immutable.
 */
public final class StreamMean {

    /** The most speech frames of history the mean weighs (about 10 spoken digits). */
    public static final int CAP = 400;

    /** No history: the utterance's own mean. */
    public static final StreamMean NONE = new StreamMean(new double[0], 0);

    private final double[] sum;
    private final double count;

    private StreamMean(double[] sum, double count) {
        this.sum = sum;
        this.count = count;
    }

    /** Speech frames of history weighed, at most {@link #CAP}. */
    public double frames() {
        return count;
    }

    /** This history and {@code utterance}'s speech frames {@code (T, M)}, capped. */
    public StreamMean plus(float[][] utterance) {
        if (utterance.length == 0) {
            return this;
        }
        double[] s = new double[utterance[0].length];
        double n = UtteranceMean.speechSum(utterance, s);
        if (sum.length == s.length) {
            for (int m = 0; m < s.length; m++) {
                s[m] += sum[m];
            }
            n += count;
        }
        if (n > CAP) {
            for (int m = 0; m < s.length; m++) {
                s[m] *= CAP / n;
            }
            n = CAP;
        }
        return new StreamMean(s, n);
    }

    /**
     * {@code frames} {@code (T, M)} less the pooled mean of this history and their speech frames.
     */
    public float[][] subtract(float[][] frames) {
        return subtract(frames, StreamPrior.NONE);
    }

    /**
     * {@code frames} {@code (T, M)} less the pooled mean of this history, their speech frames and
     * {@code prior} weighing what the history lacks of its frames.
     */
    public float[][] subtract(float[][] frames, StreamPrior prior) {
        if (frames.length == 0) {
            return frames;
        }
        int mels = frames[0].length;
        double[] s = new double[mels];
        double n = UtteranceMean.speechSum(frames, s);
        double had = 0;
        if (sum.length == mels) {
            for (int m = 0; m < mels; m++) {
                s[m] += sum[m];
            }
            n += count;
            had = count;
        }
        n += prior.addTo(s, had);
        float[][] out = new float[frames.length][mels];
        for (int t = 0; t < frames.length; t++) {
            for (int m = 0; m < mels; m++) {
                out[t][m] = (float) (frames[t][m] - s[m] / n);
            }
        }
        return out;
    }

    /** The history as stored: frame count, mels, then the sums; big-endian. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 8 * sum.length);
        b.putDouble(count).putInt(sum.length);
        for (double v : sum) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** Reads {@link #toBytes()}; null or empty is {@link #NONE}. */
    public static StreamMean fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return NONE;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        double n = b.getDouble();
        double[] s = new double[b.getInt()];
        for (int m = 0; m < s.length; m++) {
            s[m] = b.getDouble();
        }
        return new StreamMean(s, n);
    }
}
