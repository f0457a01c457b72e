package dev.heed.models.speech;

/**
 * Smooths each log-mel frame across its mels by keeping only its first cepstral coefficients (an
 * orthonormal DCT-II of the frame, coefficients from {@code keep} on set to zero, then the inverse
 * DCT): what is left is the spectral envelope, which carries the word, without the finer ripple of
 * a voice's pitch harmonics, which carries the speaker. The frame's mean (coefficient 0) is kept,
 * so {@link UtteranceMean} sees the same loudness either side of it.
 */
public final class CepstralSmoothing {

    private CepstralSmoothing() {}

    /**
     * {@code frames} {@code (T, M)}, each frame smoothed to {@code keep} cepstra; the frames
     * themselves when {@code keep} is 0 or at least M; otherwise a new array.
     */
    public static float[][] apply(float[][] frames, int keep) {
        if (frames.length == 0 || keep <= 0 || keep >= frames[0].length) {
            return frames;
        }
        int mels = frames[0].length;
        double[][] basis = basis(mels, keep); // (keep, M)
        float[][] out = new float[frames.length][mels];
        double[] c = new double[keep];
        for (int t = 0; t < frames.length; t++) {
            for (int k = 0; k < keep; k++) {
                double sum = 0;
                for (int m = 0; m < mels; m++) {
                    sum += basis[k][m] * frames[t][m];
                }
                c[k] = sum;
            }
            for (int m = 0; m < mels; m++) {
                double sum = 0;
                for (int k = 0; k < keep; k++) {
                    sum += basis[k][m] * c[k];
                }
                out[t][m] = (float) sum;
            }
        }
        return out;
    }

    /** The first {@code keep} rows of the orthonormal DCT-II matrix of size {@code mels}. */
    private static double[][] basis(int mels, int keep) {
        double[][] b = new double[keep][mels];
        for (int k = 0; k < keep; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / mels);
            for (int m = 0; m < mels; m++) {
                b[k][m] = scale * Math.cos(Math.PI * k * (m + 0.5) / mels);
            }
        }
        return b;
    }
}
