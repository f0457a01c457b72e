package dev.heed.eval.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of latency samples (nearest rank) and medians of repeated runs. */
final class Stats {
    private Stats() {}

    /**
     * The nearest-rank percentile: the smallest sample with at least {@code p}% of the samples at
     * or below it; NaN for no samples.
     */
    static double percentile(long[] samples, int count, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The median, the mean of the middle two for an even count; NaN values are ignored. */
    static double median(List<Double> values) {
        double[] v =
                values.stream()
                        .mapToDouble(Double::doubleValue)
                        .filter(d -> !Double.isNaN(d))
                        .sorted()
                        .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }
}
