package dev.heed.models.forecasting;

import ai.djl.ndarray.types.Shape;
import dev.heed.models.AttentionMethod;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.attention.Attention;
import dev.heed.models.forecasting.internal.NetworkOutputs;
import dev.heed.models.forecasting.internal.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw windows packed into one model input, and the model's outputs unpacked into forecasts.
 *
 * <p>Dimensions: B windows, T time steps, C variables, R = sum of C over the windows (series rows),
 * N patches, L layers, H heads. A fixed-variable model gets {@code (B, T, C)} z-scored with the
 * descriptor's statistics; a channel-independent model gets every variable of every window as its
 * own series, {@code (R, T, 1)}. Either way series row {@code r = offset[b] + c} of the attention
 * output {@code (R, L, H, N, N)} belongs to window b, variable c.
 */
final class WindowBatch {

    private final ModelDescriptor descriptor;
    private final int[] variables;
    private final int[] offsets;
    private final int rows;
    private final int callChannels;
    private final float[] input;
    private final Shape shape;

    private WindowBatch(
            ModelDescriptor descriptor, List<float[][]> windows, Normalizer normalizer) {
        this.descriptor = descriptor;
        int steps = descriptor.window();
        variables = new int[windows.size()];
        offsets = new int[windows.size()];
        int total = 0;
        for (int b = 0; b < windows.size(); b++) {
            variables[b] = check(windows.get(b), b, steps);
            offsets[b] = total;
            total += variables[b];
        }
        rows = total;
        boolean independent = descriptor.channelIndependent();
        callChannels = independent ? 1 : descriptor.variables().size();
        long callBatch = independent ? rows : windows.size();
        shape = new Shape(callBatch, steps, callChannels); // (B, T, C) or (R, T, 1)
        input = new float[rows * steps];
        for (int b = 0; b < windows.size(); b++) {
            float[][] w = windows.get(b);
            for (int c = 0; c < w.length; c++) {
                for (int t = 0; t < steps; t++) {
                    float v = normalizer.apply(c, w[c][t]);
                    int at =
                            independent
                                    ? (offsets[b] + c) * steps + t
                                    : (b * steps + t) * callChannels + c;
                    input[at] = v;
                }
            }
        }
    }

    /** Validates and packs windows; the error names the window, variable, step and value. */
    static WindowBatch pack(
            ModelDescriptor descriptor, List<float[][]> windows, Normalizer normalizer) {
        if (windows == null || windows.isEmpty()) {
            throw new HeedModelException("windows must hold at least one window: " + windows);
        }
        return new WindowBatch(descriptor, windows, normalizer);
    }

    private int check(float[][] window, int index, int steps) {
        if (window == null || window.length == 0) {
            throw new HeedModelException("window " + index + " has no variables");
        }
        if (!descriptor.channelIndependent() && window.length != descriptor.variables().size()) {
            throw new HeedModelException(
                    "window "
                            + index
                            + " has "
                            + window.length
                            + " variables, model "
                            + descriptor.name()
                            + " expects "
                            + descriptor.variables().size()
                            + " "
                            + descriptor.variables());
        }
        for (int c = 0; c < window.length; c++) {
            float[] series = window[c];
            if (series == null || series.length != steps) {
                throw new HeedModelException(
                        "window "
                                + index
                                + " variable "
                                + c
                                + " has "
                                + (series == null ? 0 : series.length)
                                + " steps, model "
                                + descriptor.name()
                                + " expects "
                                + steps);
            }
            for (int t = 0; t < steps; t++) {
                if (!Float.isFinite(series[t])) {
                    throw new HeedModelException(
                            "window "
                                    + index
                                    + " variable "
                                    + c
                                    + " step "
                                    + t
                                    + " is not finite: "
                                    + series[t]);
                }
            }
        }
        return window.length;
    }

    float[] input() {
        return input;
    }

    /** The model input shape, {@code (B, T, C)} or {@code (R, T, 1)}. */
    Shape shape() {
        return shape;
    }

    /** Forecasts from the checked outputs of the network call on {@link #input()}. */
    List<Forecast> unpack(NetworkOutputs out, AttentionMethod method, Normalizer normalizer) {
        return unpack(out, method, normalizer, null);
    }

    /**
     * Forecasts from the outputs of the network call on {@link #input()}; the step weights are
     * {@code |relevance|} per series, normalised, where {@code relevance} (in the input's layout)
     * is given, else the attention summarised by {@code method}.
     */
    List<Forecast> unpack(
            NetworkOutputs out, AttentionMethod method, Normalizer normalizer, float[] relevance) {
        float[] prediction = out.prediction(); // (B, horizon, C) or (R, horizon, 1)
        float[] attention = out.attention(); // (R, L, H, N, N)
        Shape attentionShape = out.attentionShape();
        int horizon = descriptor.horizon();
        int layers = (int) attentionShape.get(1);
        int heads = (int) attentionShape.get(2);
        int tokens = (int) attentionShape.get(3);
        boolean independent = descriptor.channelIndependent();
        List<Forecast> forecasts = new ArrayList<>(variables.length);
        for (int b = 0; b < variables.length; b++) {
            float[][] values = new float[variables[b]][horizon];
            float[][] stepWeights = new float[variables[b]][];
            float[] mean = new float[descriptor.window()];
            for (int c = 0; c < variables[b]; c++) {
                int row = offsets[b] + c;
                for (int k = 0; k < horizon; k++) {
                    int at = independent ? row * horizon + k : (b * horizon + k) * callChannels + c;
                    values[c][k] = normalizer.invert(c, prediction[at]);
                }
                if (relevance != null) {
                    stepWeights[c] = magnitudes(relevance, b, c, row);
                } else {
                    float[][][][] a = slice(attention, row, layers, heads, tokens);
                    stepWeights[c] = steps(Attention.tokenWeights(a, method));
                }
                for (int t = 0; t < mean.length; t++) {
                    mean[t] += stepWeights[c][t] / variables[b];
                }
            }
            float[] embedding = null;
            if (out.embedding() != null) {
                int e = out.width();
                embedding = new float[variables[b] * e];
                System.arraycopy(out.embedding(), offsets[b] * e, embedding, 0, embedding.length);
            }
            forecasts.add(new Forecast(values, mean, stepWeights, method, embedding));
        }
        return forecasts;
    }

    /**
     * {@code |R_t|} of window b, variable c over the window's steps, normalised to sum 1 (uniform
     * when every relevance is 0).
     */
    private float[] magnitudes(float[] relevance, int b, int c, int row) {
        int steps = descriptor.window();
        boolean independent = descriptor.channelIndependent();
        double[] r = new double[steps];
        double total = 0;
        for (int t = 0; t < steps; t++) {
            int at = independent ? row * steps + t : (b * steps + t) * callChannels + c;
            r[t] = Math.abs(relevance[at]);
            total += r[t];
        }
        float[] out = new float[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = total > 0 ? (float) (r[t] / total) : 1f / steps;
        }
        return out;
    }

    private float[] steps(float[] tokenWeights) {
        ModelDescriptor.Architecture a = descriptor.architecture();
        return Attention.tokensToSteps(
                tokenWeights, a.patchLen(), a.patchStride(), descriptor.window());
    }

    /** Row r of a flat (R, L, H, N, N) array as (L, H, N, N). */
    private static float[][][][] slice(float[] flat, int row, int layers, int heads, int n) {
        float[][][][] out = new float[layers][heads][n][n];
        int at = row * layers * heads * n * n;
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(flat, at, out[l][h][i], 0, n);
                    at += n;
                }
            }
        }
        return out;
    }
}
