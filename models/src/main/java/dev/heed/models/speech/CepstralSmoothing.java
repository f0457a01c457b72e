package dev.heed.models.speech;

/**
 * Smooths each log-mel frame across its mels by keeping only its first cepstral coefficients (an
 * orthonormal DCT-II of the frame, coefficients from {@code keep} on set to zero, then the inverse
 * DCT): what is left is the spectral envelope, which carries the word, without the finer ripple of
 * a voice's pitch harmonics, which carries the speaker. The frame's mean (coefficient 0) is kept,
 * so {@link UtteranceMean} sees the same loudness either side of it.
 */
public final class CepstralSmoothing {

    private final int mels;

    /** {@code (keep, M)} the first rows of the DCT-II matrix; null when nothing is smoothed. */
    private final double[][] basis;

    /** Smoothing of {@code mels}-wide frames to {@code keep} cepstra; none for 0 or at least M. */
    public CepstralSmoothing(int mels, int keep) {
        this.mels = mels;
        this.basis = keep <= 0 || keep >= mels ? null : basis(mels, keep);
    }

    /** Whether frames pass unchanged. */
    public boolean isIdentity() {
        return basis == null;
    }

    /**
     * {@code frames} {@code (T, M)}, each frame smoothed; the frames themselves when {@link
     * #isIdentity()}, otherwise a new array.
     */
    public float[][] apply(float[][] frames) {
        if (basis == null) {
            return frames;
        }
        int keep = basis.length;
        float[][] out = new float[frames.length][mels];
        double[] c = new double[keep];
        for (int t = 0; t < frames.length; t++) {
            if (frames[t].length != mels) {
                throw new IllegalArgumentException(
                        "frame " + t + " has " + frames[t].length + " mels, expected " + mels);
            }
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
