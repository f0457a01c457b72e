package dev.heed.audio;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Triangular filters equally spaced on the HTK mel scale {@code mel(f) = 2595 log10(1 + f / 700)},
 * applied to a power spectrum. Filter {@code m} rises from edge {@code m} to a peak of 1 at edge
 * {@code m + 1} and falls to 0 at edge {@code m + 2}, where the {@code mels + 2} edges are equally
 * spaced in mel from {@code minHz} to {@code maxHz}; a bin's weight is the triangle's value at the
 * bin's frequency. Immutable; only each filter's nonzero span is kept and summed.
 */
public final class MelFilterbank {
    /** One filterbank per feature configuration, shared: it is immutable. */
    private static final Map<FeatureConfig, MelFilterbank> SHARED = new ConcurrentHashMap<>();

    private final int bins;

    /** The first bin of each filter's nonzero span; {@code weights[m][j]} is bin first[m] + j. */
    private final int[] first;

    private final float[][] weights; // (mels, span of filter m)

    public MelFilterbank(int mels, int fftSize, int sampleRate, float minHz, float maxHz) {
        if (mels <= 0 || !(minHz >= 0 && minHz < maxHz && maxHz <= sampleRate / 2f)) {
            throw new HeedAudioException(
                    "mel filterbank needs mels > 0 and 0 <= minHz < maxHz <= sampleRate / 2: "
                            + mels
                            + ", "
                            + minHz
                            + ", "
                            + maxHz
                            + ", "
                            + sampleRate);
        }
        bins = fftSize / 2 + 1;
        double lo = hzToMel(minHz);
        double hi = hzToMel(maxHz);
        double[] edges = new double[mels + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(lo + (hi - lo) * i / (mels + 1));
        }
        first = new int[mels];
        weights = new float[mels][];
        float[] dense = new float[bins];
        for (int m = 0; m < mels; m++) {
            int a = 0; // the filter's nonzero bins are [a, b); none when b == 0
            int b = 0;
            for (int k = 0; k < bins; k++) {
                double f = PowerSpectrum.binHz(k, fftSize, sampleRate);
                double up = (f - edges[m]) / (edges[m + 1] - edges[m]);
                double down = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
                dense[k] = (float) Math.max(0, Math.min(up, down));
                if (dense[k] != 0) {
                    a = b == 0 ? k : a;
                    b = k + 1;
                }
            }
            first[m] = a;
            weights[m] = Arrays.copyOfRange(dense, a, b);
        }
    }

    /** The filterbank of a feature configuration (built once per configuration, then shared). */
    public static MelFilterbank of(FeatureConfig c) {
        return SHARED.computeIfAbsent(
                c,
                k ->
                        new MelFilterbank(
                                k.mels(), k.fftSize(), k.sampleRate(), k.minHz(), k.maxHz()));
    }

    /**
     * Energy in each filter: {@code sum_k w[m][k] * power[k]}, over the bins where the filter is
     * not zero (a triangle spans a few bins; the sum is the same as over all of them).
     */
    public float[] apply(float[] power) {
        if (power.length != bins) {
            throw new HeedAudioException(
                    "power spectrum has " + power.length + " bins, expected " + bins);
        }
        float[] out = new float[weights.length];
        for (int m = 0; m < weights.length; m++) {
            double sum = 0;
            float[] w = weights[m];
            for (int j = 0, k = first[m]; j < w.length; j++, k++) {
                sum += w[j] * power[k];
            }
            out[m] = (float) sum;
        }
        return out;
    }

    /** The weight of bin {@code k} in filter {@code m}. */
    public float weight(int m, int k) {
        int j = k - first[m];
        return j >= 0 && j < weights[m].length ? weights[m][j] : 0f;
    }

    public static double hzToMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    public static double melToHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
