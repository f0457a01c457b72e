package dev.heed.audio;

/**
 * First-order pre-emphasis {@code y[n] = x[n] - a x[n-1]}, which lifts high frequencies before the
 * spectrum is taken. Chunked input gives the same output as one call when each call is passed the
 * previous chunk's last sample.
 */
public final class PreEmphasis {

    private PreEmphasis() {}

    /**
     * Filters a chunk.
     *
     * @param x the samples
     * @param coefficient {@code a}, in [0, 1)
     * @param previous the sample before {@code x[0]} (0 at the start of a stream)
     * @return a new array of the same length
     */
    public static float[] apply(float[] x, float coefficient, float previous) {
        float[] y = new float[x.length];
        float prev = previous;
        for (int n = 0; n < x.length; n++) {
            y[n] = x[n] - coefficient * prev;
            prev = x[n];
        }
        return y;
    }
}
