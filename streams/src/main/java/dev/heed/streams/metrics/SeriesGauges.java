package dev.heed.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest anomaly score, anomaly likelihood and attention profile per series, as gauges: {@code
 * heed_anomaly_score{series}}, {@code heed_anomaly_likelihood{series}} and {@code
 * heed_attention_weight{series,segment,method}}, where the window is cut into {@link #SEGMENTS}
 * equal segments, segment 0 the newest, each holding the sum of its steps' weights, and {@code
 * method} says how the weights were made ({@code relevance}, {@code rollout}, ...: when it changes,
 * after a model swap, the series' weight gauges are registered again under the new name). At most
 * {@code maxSeries} series get gauges (bounded cardinality); later series are counted in {@code
 * heed_metrics_series_dropped_total} and left out.
 */
public final class SeriesGauges {
    public static final int SEGMENTS = 8;
    private static final int SCORE = SEGMENTS;
    private static final int LIKELIHOOD = SEGMENTS + 1;

    private final MeterRegistry registry;
    private final int maxSeries;
    private final Map<String, double[]> series = new ConcurrentHashMap<>();
    private final Map<String, String> methods = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> weightMeters = new ConcurrentHashMap<>();
    private final Counter dropped;

    public SeriesGauges(MeterRegistry registry, int maxSeries) {
        this.registry = registry;
        this.maxSeries = maxSeries;
        this.dropped =
                Counter.builder("heed.metrics.series.dropped")
                        .description(
                                "Series updates left out because http.series.max series have gauges")
                        .register(registry);
    }

    /**
     * Sets the gauges of {@code id} from one prediction; {@code score} and {@code likelihood} may
     * be NaN (no anomaly detector, or warming up). False when the series is beyond the limit.
     */
    public boolean update(
            String id, double score, double likelihood, double[] weights, String method) {
        double[] g = series.get(id);
        if (g == null) {
            synchronized (this) {
                g = series.get(id);
                if (g == null) {
                    if (series.size() >= maxSeries) {
                        dropped.increment();
                        return false;
                    }
                    g = register(id);
                }
            }
        }
        if (!method.equals(methods.get(id))) {
            synchronized (this) {
                if (!method.equals(methods.get(id))) {
                    registerWeights(id, g, method);
                }
            }
        }
        double[] seg = segments(weights);
        synchronized (g) {
            System.arraycopy(seg, 0, g, 0, SEGMENTS);
            g[SCORE] = score;
            g[LIKELIHOOD] = likelihood;
        }
        return true;
    }

    /** Sums of the weights per segment, segment 0 holding the newest steps. */
    static double[] segments(double[] weights) {
        double[] out = new double[SEGMENTS];
        int n = weights.length;
        int len = Math.max(1, (n + SEGMENTS - 1) / SEGMENTS);
        for (int i = 0; i < n; i++) {
            int ago = n - 1 - i;
            out[Math.min(SEGMENTS - 1, ago / len)] += weights[i];
        }
        return out;
    }

    /** The weight gauges of {@code id} under {@code method}, replacing any under another name. */
    private void registerWeights(String id, double[] g, String method) {
        for (Meter m : weightMeters.getOrDefault(id, List.of())) {
            registry.remove(m);
        }
        List<Meter> meters = new ArrayList<>(SEGMENTS);
        for (int s = 0; s < SEGMENTS; s++) {
            int k = s;
            meters.add(
                    Gauge.builder("heed.attention.weight", g, a -> read(a, k))
                            .tags("series", id, "segment", Integer.toString(s), "method", method)
                            .description(
                                    "Per-step weights of the latest window per eighth of the"
                                            + " window, 0 the newest")
                            .register(registry));
        }
        weightMeters.put(id, meters);
        methods.put(id, method);
    }

    private double[] register(String id) {
        double[] g = new double[SEGMENTS + 2];
        java.util.Arrays.fill(g, Double.NaN);
        Gauge.builder("heed.anomaly.score", g, a -> read(a, SCORE))
                .tag("series", id)
                .description("Latest anomaly score (0..1)")
                .register(registry);
        Gauge.builder("heed.anomaly.likelihood", g, a -> read(a, LIKELIHOOD))
                .tag("series", id)
                .description("Latest anomaly likelihood (0..1)")
                .register(registry);
        series.put(id, g);
        return g;
    }

    private static double read(double[] g, int i) {
        synchronized (g) {
            return g[i];
        }
    }
}
