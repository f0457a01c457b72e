package dev.heed.audio;

/** Cuts a signal into overlapping frames: frame {@code i} starts at sample {@code i * hop}. */
public final class Framer {

    private Framer() {}

    /** How many whole frames fit in {@code samples} samples (no padding). */
    public static int frameCount(int samples, int frameLength, int hop) {
        if (frameLength <= 0 || hop <= 0) {
            throw new HeedAudioException(
                    "frameLength and hop must be > 0: " + frameLength + ", " + hop);
        }
        return samples < frameLength ? 0 : (samples - frameLength) / hop + 1;
    }

    /**
     * The whole frames of {@code x}, copied; a short tail that does not fill a frame is dropped.
     */
    public static float[][] frames(float[] x, int frameLength, int hop) {
        float[][] out = new float[frameCount(x.length, frameLength, hop)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[frameLength];
            System.arraycopy(x, i * hop, out[i], 0, frameLength);
        }
        return out;
    }
}
