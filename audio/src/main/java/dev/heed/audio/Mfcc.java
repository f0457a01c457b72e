package dev.heed.audio;

/**
 * Mel-frequency cepstral coefficients: the orthonormal DCT-II of log-mel energies, {@code c[i] =
 * s(i) sum_m logmel[m] cos(pi i (m + 0.5) / M)} with {@code s(0) = sqrt(1/M)} and {@code s(i) =
 * sqrt(2/M)}, first {@code coefficients} kept.
 */
public final class Mfcc {

    private Mfcc() {}

    /** The first {@code coefficients} cepstral coefficients of one log-mel frame. */
    public static float[] of(float[] logMel, int coefficients) {
        int m = logMel.length;
        if (coefficients <= 0 || coefficients > m) {
            throw new HeedAudioException(
                    "coefficients must be in 1.." + m + " (the mel count): " + coefficients);
        }
        float[] c = new float[coefficients];
        for (int i = 0; i < coefficients; i++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += logMel[j] * Math.cos(Math.PI * i * (j + 0.5) / m);
            }
            c[i] = (float) (sum * Math.sqrt((i == 0 ? 1.0 : 2.0) / m));
        }
        return c;
    }
}
