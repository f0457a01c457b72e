package dev.heed.eval.attention;

import java.util.BitSet;
import java.util.Random;

/** How well per-step weights find the ground-truth steps of one window. */
final class Scores {

    private Scores() {}

    /**
     * Average precision of the steps ranked by weight against the ground truth (the area under the
     * precision-recall curve); ties are broken by {@code random}, so equal weights score as a
     * random ranking would.
     */
    static double averagePrecision(float[] weights, BitSet gt, Random random) {
        int[] order = rank(weights, random);
        int hits = 0;
        double sum = 0;
        for (int k = 0; k < order.length; k++) {
            if (gt.get(order[k])) {
                hits++;
                sum += hits / (double) (k + 1);
            }
        }
        return gt.isEmpty() ? Double.NaN : sum / gt.cardinality();
    }

    /** The share of the (non-negative, summing to 1) weights that lies on the ground truth. */
    static double share(float[] weights, BitSet gt) {
        double total = 0;
        double on = 0;
        for (int t = 0; t < weights.length; t++) {
            total += weights[t];
            if (gt.get(t)) {
                on += weights[t];
            }
        }
        return total > 0 ? on / total : Double.NaN;
    }

    /** The fraction of the {@code |GT|} highest-weighted steps that are ground truth. */
    static double precisionAtGt(float[] weights, BitSet gt, Random random) {
        int[] order = rank(weights, random);
        int k = gt.cardinality();
        int hits = 0;
        for (int i = 0; i < k; i++) {
            if (gt.get(order[i])) {
                hits++;
            }
        }
        return k == 0 ? Double.NaN : hits / (double) k;
    }

    /** Step indices by weight, largest first, ties in a random order. */
    static int[] rank(float[] weights, Random random) {
        int n = weights.length;
        Integer[] order = new Integer[n];
        double[] jitter = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            jitter[i] = random.nextDouble();
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> {
                    int c = Float.compare(weights[b], weights[a]);
                    return c != 0 ? c : Double.compare(jitter[a], jitter[b]);
                });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
