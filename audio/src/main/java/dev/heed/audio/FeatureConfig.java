package dev.heed.audio;

/**
 * The parameters of log-mel feature extraction, shared by training and streaming so that both
 * produce the same frames.
 *
 * @param sampleRate samples per second of the audio fed in (Hz)
 * @param frameLength samples per analysis frame (a Hamming window of this length)
 * @param hop samples between frame starts
 * @param fftSize FFT size, a power of two at least {@code frameLength}
 * @param mels mel filters
 * @param minHz lowest filter edge (Hz)
 * @param maxHz highest filter edge (Hz), at most {@code sampleRate / 2}
 * @param preEmphasis first-order pre-emphasis coefficient, 0 for none
 */
public record FeatureConfig(
        int sampleRate,
        int frameLength,
        int hop,
        int fftSize,
        int mels,
        float minHz,
        float maxHz,
        float preEmphasis) {

    /** Validates every value; the message names the bad one. */
    public FeatureConfig {
        require(sampleRate > 0, "sampleRate must be > 0: " + sampleRate);
        require(frameLength > 0, "frameLength must be > 0: " + frameLength);
        require(hop > 0, "hop must be > 0: " + hop);
        require(
                fftSize >= frameLength && Integer.bitCount(fftSize) == 1,
                "fftSize must be a power of two >= frameLength (" + frameLength + "): " + fftSize);
        require(mels > 0, "mels must be > 0: " + mels);
        require(
                minHz >= 0 && minHz < maxHz && maxHz <= sampleRate / 2f,
                "need 0 <= minHz < maxHz <= sampleRate / 2: "
                        + minHz
                        + ", "
                        + maxHz
                        + ", "
                        + sampleRate);
        require(
                preEmphasis >= 0 && preEmphasis < 1,
                "preEmphasis must be in [0, 1): " + preEmphasis);
    }

    /**
     * Heed's speech features: 8 kHz, 25 ms Hamming frames every 10 ms, 256-point FFT, 40 mel
     * filters from 20 Hz to 4 kHz, pre-emphasis 0.97.
     */
    public static FeatureConfig speech8k() {
        return new FeatureConfig(8000, 200, 80, 256, 40, 20f, 4000f, 0.97f);
    }

    /** Seconds between frames. */
    public double frameSeconds() {
        return hop / (double) sampleRate;
    }

    /** A stable fingerprint of every value, stored with saved state to catch a changed config. */
    public int fingerprint() {
        int h = 17;
        for (float v :
                new float[] {
                    sampleRate, frameLength, hop, fftSize, mels, minHz, maxHz, preEmphasis
                }) {
            h = 31 * h + Float.floatToIntBits(v);
        }
        return h;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new HeedAudioException("feature config: " + message);
        }
    }
}
