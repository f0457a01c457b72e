package dev.heed.models.attention;

import dev.heed.models.AttentionMethod;
import dev.heed.models.HeedModelException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Summaries of a model's attention over plain float arrays: from {@code (L, H, N, N)} attention
 * probabilities of one series to one weight per token, and from tokens to the window's time steps.
 *
 * <p>Dimensions: L layers, H heads, N tokens (patches); {@code attention[l][h][i][j]} is how much
 * query token i attends to key token j, each row summing to 1.
 */
public final class Attention {

    private Attention() {}

    /**
     * One weight per token, summing to 1.
     *
     * <ul>
     *   <li>{@link AttentionMethod#HEAD_MEAN}: last layer, mean over heads, mean over query rows
     *       (the attention each token receives).
     *   <li>{@link AttentionMethod#ROLLOUT} (Abnar and Zuidema, 2020): per layer {@code A' = 0.5 *
     *       mean_heads(A) + 0.5 * I} with rows renormalised, multiplied across layers {@code A'_L
     *       ... A'_1}, then the mean over rows.
     *   <li>{@link AttentionMethod#QUERY}: last layer, mean over heads, the last token's row.
     * </ul>
     *
     * @param attention {@code [L][H][N][N]} attention probabilities of one series
     */
    public static float[] tokenWeights(float[][][][] attention, AttentionMethod method) {
        Objects.requireNonNull(method, "method");
        int n = checkShape(attention);
        double[] weights;
        switch (method) {
            case HEAD_MEAN:
                weights = columnMeans(headMean(attention[attention.length - 1], n));
                break;
            case ROLLOUT:
                weights = columnMeans(rollout(attention, n));
                break;
            case QUERY:
                weights = headMean(attention[attention.length - 1], n)[n - 1];
                break;
            default:
                throw new HeedModelException("unsupported attention method: " + method);
        }
        return normalise(weights);
    }

    /**
     * Spreads token weights over the window's time steps. Token n covers steps {@code [n * stride,
     * n * stride + patchLen)} clipped to the window; a token that starts past the window (the end
     * padding repeats the last value) covers the last step. Each token spreads its weight evenly
     * over its steps; the result is renormalised to sum to 1.
     *
     * @param tokenWeights {@code [N]} weights per token
     * @param patchLen P, steps per patch
     * @param stride S, steps between patch starts
     * @param steps T, steps in the window
     * @return {@code [T]} weights per step summing to 1
     */
    public static float[] tokensToSteps(float[] tokenWeights, int patchLen, int stride, int steps) {
        if (patchLen <= 0 || stride <= 0 || steps <= 0) {
            throw new HeedModelException(
                    "patchLen, stride and steps must be > 0: "
                            + patchLen
                            + ", "
                            + stride
                            + ", "
                            + steps);
        }
        double[] out = new double[steps];
        for (int token = 0; token < tokenWeights.length; token++) {
            int first = Math.min(token * stride, steps - 1);
            int end = Math.max(first + 1, Math.min(token * stride + patchLen, steps));
            double share = tokenWeights[token] / (double) (end - first);
            for (int t = first; t < end; t++) {
                out[t] += share;
            }
        }
        return normalise(out);
    }

    /**
     * Indices of the {@code k} largest weights, largest first; equal weights put the later (more
     * recent) index first. {@code k} larger than the array gives every index.
     */
    public static int[] topK(float[] weights, int k) {
        if (k < 0) {
            throw new HeedModelException("k must be >= 0: " + k);
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int byWeight = Float.compare(weights[b], weights[a]);
                    return byWeight != 0 ? byWeight : Integer.compare(b, a);
                });
        int count = Math.min(k, order.length);
        int[] top = new int[count];
        for (int i = 0; i < count; i++) {
            top[i] = order[i];
        }
        return top;
    }

    private static int checkShape(float[][][][] attention) {
        if (attention == null || attention.length == 0 || attention[0].length == 0) {
            throw new HeedModelException("attention must have at least one layer and one head");
        }
        int n = attention[0][0].length;
        for (int l = 0; l < attention.length; l++) {
            for (int h = 0; h < attention[l].length; h++) {
                if (attention[l][h].length != n) {
                    throw new HeedModelException(
                            "attention layer "
                                    + l
                                    + " head "
                                    + h
                                    + " has "
                                    + attention[l][h].length
                                    + " rows, expected "
                                    + n);
                }
                for (float[] row : attention[l][h]) {
                    if (row.length != n) {
                        throw new HeedModelException(
                                "attention layer "
                                        + l
                                        + " head "
                                        + h
                                        + " is not square: row of "
                                        + row.length
                                        + " for "
                                        + n
                                        + " tokens");
                    }
                }
            }
        }
        if (n == 0) {
            throw new HeedModelException("attention has no tokens");
        }
        return n;
    }

    /** (H, N, N) -> (N, N) mean over heads. */
    private static double[][] headMean(float[][][] layer, int n) {
        double[][] mean = new double[n][n];
        for (float[][] head : layer) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    mean[i][j] += head[i][j] / (double) layer.length;
                }
            }
        }
        return mean;
    }

    /** (L, H, N, N) -> (N, N) rollout A'_L ... A'_1. */
    private static double[][] rollout(float[][][][] attention, int n) {
        double[][] product = identity(n);
        for (float[][][] layer : attention) {
            double[][] a = headMean(layer, n);
            for (int i = 0; i < n; i++) {
                double rowSum = 0;
                for (int j = 0; j < n; j++) {
                    a[i][j] = 0.5 * a[i][j] + (i == j ? 0.5 : 0.0);
                    rowSum += a[i][j];
                }
                for (int j = 0; j < n; j++) {
                    a[i][j] = rowSum > 0 ? a[i][j] / rowSum : 0;
                }
            }
            product = multiply(a, product);
        }
        return product;
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[] columnMeans(double[][] m) {
        double[] means = new double[m.length];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                means[j] += row[j] / m.length;
            }
        }
        return means;
    }

    /** Scales to sum 1; a non-positive or non-finite sum gives uniform weights. */
    private static float[] normalise(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += Math.max(0, v);
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] =
                    sum > 0 && Double.isFinite(sum)
                            ? (float) (Math.max(0, w[i]) / sum)
                            : 1f / w.length;
        }
        return out;
    }
}
