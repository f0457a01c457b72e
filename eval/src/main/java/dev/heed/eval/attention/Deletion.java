package dev.heed.eval.attention;

import dev.heed.models.AttentionMethod;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.Forecaster;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * The deletion test: how far the forecast moves when chosen steps of a window are replaced with the
 * neutral value, the window's mean (the level the model's instance normalisation subtracts).
 * Movement is the root mean square change of the forecast over the horizon, in units of the
 * window's standard deviation.
 */
final class Deletion {

    /** Draws of random steps per window for the random reference. */
    static final int RANDOM_DRAWS = 3;

    private Deletion() {}

    /** Steps to delete for a fraction of a window: at least one. */
    static int count(int steps, double fraction) {
        return Math.max(1, (int) Math.round(fraction * steps));
    }

    /**
     * The mean movement when each window's {@code k} highest-weighted steps are deleted, and when
     * {@code k} random steps are: {@code [top, random]}.
     */
    static double[] topVersusRandom(
            Forecaster forecaster, List<float[]> windows, List<float[]> weights, int k, long seed) {
        Random random = new Random(seed);
        List<BitSet> top = new ArrayList<>();
        List<BitSet> rand = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            int[] order = Scores.rank(weights.get(i), random);
            BitSet s = new BitSet();
            for (int j = 0; j < k; j++) {
                s.set(order[j]);
            }
            top.add(s);
        }
        double topMove = movement(forecaster, windows, top);
        double randMove = 0;
        for (int d = 0; d < RANDOM_DRAWS; d++) {
            rand.clear();
            for (float[] w : windows) {
                rand.add(randomSteps(w.length, k, new BitSet(), random));
            }
            randMove += movement(forecaster, windows, rand) / RANDOM_DRAWS;
        }
        return new double[] {topMove, randMove};
    }

    /** {@code k} random steps of {@code steps}, none of {@code excluded}. */
    static BitSet randomSteps(int steps, int k, BitSet excluded, Random random) {
        BitSet s = new BitSet();
        int free = steps - excluded.cardinality();
        int want = Math.min(k, free);
        while (s.cardinality() < want) {
            int t = random.nextInt(steps);
            if (!excluded.get(t)) {
                s.set(t);
            }
        }
        return s;
    }

    /** The mean movement of the forecast when each window's {@code steps} are deleted. */
    static double movement(Forecaster forecaster, List<float[]> windows, List<BitSet> steps) {
        List<float[]> deleted = new ArrayList<>(windows.size());
        double[] scale = new double[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            float[] w = windows.get(i);
            double mean = 0;
            for (float v : w) {
                mean += v / w.length;
            }
            double var = 0;
            for (float v : w) {
                var += (v - mean) * (v - mean) / w.length;
            }
            scale[i] = Math.sqrt(var) + 1e-9;
            float[] d = w.clone();
            BitSet s = steps.get(i);
            for (int t = s.nextSetBit(0); t >= 0; t = s.nextSetBit(t + 1)) {
                d[t] = (float) mean;
            }
            deleted.add(d);
        }
        List<Forecast> before = Explanations.forecast(forecaster, windows, AttentionMethod.QUERY);
        List<Forecast> after = Explanations.forecast(forecaster, deleted, AttentionMethod.QUERY);
        double total = 0;
        for (int i = 0; i < windows.size(); i++) {
            float[] a = before.get(i).prediction()[0];
            float[] b = after.get(i).prediction()[0];
            double sq = 0;
            for (int h = 0; h < a.length; h++) {
                sq += (a[h] - b[h]) * (a[h] - b[h]);
            }
            total += Math.sqrt(sq / a.length) / scale[i];
        }
        return total / windows.size();
    }
}
