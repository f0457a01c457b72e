package dev.heed.eval.attention;

import dev.heed.models.AttentionMethod;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.Forecaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Per-step weights by every method and baseline that the benchmark compares, for univariate
 * windows: the model's own methods ({@link AttentionMethod}) and four baselines that use no model.
 */
final class Explanations {

    /** Baselines: equal weights, random weights, the newest step only, and |x - median|. */
    static final List<String> BASELINES = List.of("uniform", "random", "newest", "|x - median|");

    private static final int BATCH = 64;

    private Explanations() {}

    /** The method's weights for each window, each summing to 1. */
    static List<float[]> weights(
            String method, Forecaster forecaster, List<float[]> windows, long seed) {
        List<float[]> out = new ArrayList<>(windows.size());
        Random random = new Random(seed);
        switch (method) {
            case "uniform":
                for (float[] w : windows) {
                    float[] u = new float[w.length];
                    Arrays.fill(u, 1f / w.length);
                    out.add(u);
                }
                return out;
            case "random":
                for (float[] w : windows) {
                    float[] r = new float[w.length];
                    for (int t = 0; t < r.length; t++) {
                        r[t] = random.nextFloat();
                    }
                    out.add(normalise(r));
                }
                return out;
            case "newest":
                for (float[] w : windows) {
                    float[] n = new float[w.length];
                    n[w.length - 1] = 1f;
                    out.add(n);
                }
                return out;
            case "|x - median|":
                for (float[] w : windows) {
                    float[] sorted = w.clone();
                    Arrays.sort(sorted);
                    float median = sorted[sorted.length / 2];
                    float[] d = new float[w.length];
                    for (int t = 0; t < d.length; t++) {
                        d[t] = Math.abs(w[t] - median);
                    }
                    out.add(normalise(d));
                }
                return out;
            default:
                AttentionMethod m = AttentionMethod.parse(method);
                for (Forecast f : forecast(forecaster, windows, m)) {
                    out.add(f.stepWeights());
                }
                return out;
        }
    }

    /** Forecasts of univariate windows in batches. */
    static List<Forecast> forecast(
            Forecaster forecaster, List<float[]> windows, AttentionMethod method) {
        List<Forecast> out = new ArrayList<>(windows.size());
        for (int from = 0; from < windows.size(); from += BATCH) {
            List<float[][]> batch = new ArrayList<>();
            for (float[] w : windows.subList(from, Math.min(windows.size(), from + BATCH))) {
                batch.add(new float[][] {w});
            }
            out.addAll(forecaster.forecast(batch, method));
        }
        return out;
    }

    private static float[] normalise(float[] w) {
        double sum = 0;
        for (float v : w) {
            sum += v;
        }
        float[] out = new float[w.length];
        for (int t = 0; t < w.length; t++) {
            out[t] = sum > 0 ? (float) (w[t] / sum) : 1f / w.length;
        }
        return out;
    }
}
