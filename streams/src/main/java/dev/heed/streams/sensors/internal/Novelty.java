package dev.heed.streams.sensors.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How new the shape of a series' long span is, from its {@link NoveltyMemory}: the distance of the
 * current view to the nearest remembered one, in units of each variable's range seen so far
 * (averaged over buckets and variables), and the likelihood of that distance against its long-run
 * distribution.
 *
 * @param distance the distance to the nearest remembered view
 * @param z the distance's z-score against its long-run distribution (0 while the memory learns)
 * @param likelihood the normal CDF of {@code z} (0.5 while the memory learns)
 * @param spanMs the time the view covers
 * @param buckets the view's buckets that differ most from the nearest remembered view, largest
 *     first: the long-context steps that mattered
 */
record Novelty(double distance, double z, double likelihood, long spanMs, List<Bucket> buckets) {
    /**
     * Smallest long-run spread of the distance, in units of the range: 0.2%, so that a noiseless
     * series does not alarm on rounding (chosen on NAB's development split: 0.01, 0.005, 0.002 and
     * 0.001 scored 69.0, 70.0, 72.6 and 72.6).
     */
    static final double SD_FLOOR = 0.002;

    /** Buckets named in an explanation. */
    static final int EXPLAIN = 3;

    /**
     * One bucket of the view.
     *
     * @param fromMs its first reading's time
     * @param toMs the next bucket's first reading's time (the newest: the scored reading's)
     * @param observed {@code [variables]} its mean
     * @param remembered {@code [variables]} the nearest remembered view's mean there
     */
    record Bucket(long fromMs, long toMs, float[] observed, float[] remembered) {}

    /**
     * Scores the view {@code m} completed at {@code ts} and learns from it: a view further than the
     * typical distance from every remembered one is remembered. Returns null while the view is not
     * full yet.
     *
     * @param learnAfter completed views to see before a likelihood other than 0.5 is given
     * @param longRun effective length, in views, of the long-run distance distribution
     */
    static Novelty score(
            NoveltyMemory m,
            long ts,
            double[] min,
            double[] max,
            int learnAfter,
            int longRun,
            boolean centred) {
        if (!m.full()) {
            return null;
        }
        float[] x = m.view();
        if (m.used == 0 || m.buckets < 2L * m.points) {
            // the first span's views: remembered, not scored, and not part of the distance's
            // distribution, which would learn the distances of a nearly empty memory
            m.remember(x);
            return null;
        }
        int vars = m.vars;
        double[] inv = new double[vars];
        for (int v = 0; v < vars; v++) {
            inv[v] = 1 / range(min, max, v);
        }
        // centred: the view less its own mean; each remembered one is compared less its own
        double[] level = centred ? m.meanOf(x) : new double[vars];
        double[] xc = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xc[i] = x[i] - level[i % vars];
        }
        double[] zero = new double[vars];
        int nearest = 0;
        double d = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m.used; j++) {
            double dj = distance(xc, m.views[j], centred ? m.means[j] : zero, inv, d);
            if (dj < d) {
                d = dj;
                nearest = j;
            }
        }
        double z = 0;
        if (m.distCount >= learnAfter) {
            z = (d - m.distMean) / Math.max(Math.sqrt(m.distVar), SD_FLOOR);
        }
        double likelihood = z == 0 ? 0.5 : Normal.cdf(z);
        float[] near = m.views[nearest];
        if (centred) {
            // the remembered shape at the current view's level: what the explanation shows
            near = near.clone();
            for (int i = 0; i < near.length; i++) {
                near[i] += (float) (level[i % vars] - m.means[nearest][i % vars]);
            }
        }
        List<Bucket> top = explain(m, ts, x, near, min, max);
        if (d > m.distMean || m.distCount < learnAfter) {
            m.remember(x);
        } else {
            m.touch(nearest);
        }
        m.learnDistance(d, longRun);
        long spanMs = ts - m.bucketStart(0);
        return new Novelty(d, z, likelihood, spanMs, top);
    }

    /**
     * Mean absolute difference between {@code xc} (the view, already less its shift) and {@code y}
     * less {@code yShift} (per variable: its mean when shapes are compared without their level,
     * else 0), in units of each variable's range ({@code inv}: 1 / range); stops early once above
     * {@code bound}.
     */
    private static double distance(
            double[] xc, float[] y, double[] yShift, double[] inv, double bound) {
        int vars = inv.length;
        double sum = 0;
        double stop = bound * xc.length;
        for (int i = 0; i < xc.length; i++) {
            int v = i % vars;
            sum += Math.abs(xc[i] - y[i] + yShift[v]) * inv[v];
            if (sum > stop) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return sum / xc.length;
    }

    private static double range(double[] min, double[] max, int v) {
        return Math.max(max[v] - min[v], 1e-9);
    }

    private static List<Bucket> explain(
            NoveltyMemory m, long ts, float[] x, float[] near, double[] min, double[] max) {
        int vars = m.vars;
        Integer[] order = new Integer[m.points];
        double[] gap = new double[m.points];
        for (int i = 0; i < m.points; i++) {
            order[i] = i;
            for (int v = 0; v < vars; v++) {
                gap[i] += Math.abs(x[i * vars + v] - near[i * vars + v]) / range(min, max, v);
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(gap[b], gap[a]));
        List<Bucket> top = new ArrayList<>(EXPLAIN);
        for (int k = 0; k < Math.min(EXPLAIN, m.points); k++) {
            int i = order[k];
            long to = i + 1 < m.points ? m.bucketStart(i + 1) : ts;
            top.add(
                    new Bucket(
                            m.bucketStart(i),
                            to,
                            Arrays.copyOfRange(x, i * vars, (i + 1) * vars),
                            Arrays.copyOfRange(near, i * vars, (i + 1) * vars)));
        }
        return top;
    }
}
