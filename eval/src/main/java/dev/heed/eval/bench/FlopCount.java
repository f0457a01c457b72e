package dev.heed.eval.bench;

import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Architecture;

/**
 * Analytic floating-point operations of one forward pass of the patch transformer, counting the
 * matrix products only (a multiply-add is 2 FLOPs), since the ceiling they are compared with is a
 * matrix product. Element-wise work (instance norm, biases, softmax, LayerNorm, GELU) is left out;
 * it is about 5% of the total for the shipped model.
 *
 * <p>Per series (one variable of one window), with N = (T - P) / S + 2 patches, P patch length, E
 * embedding, F feed-forward width, L layers, horizon K:
 *
 * <pre>
 *   patch embedding   2 N P E
 *   per layer         Q, K, V, output projections 4 * 2 N E E
 *                     scores Q K^T and probabilities V, over all heads 2 * 2 N N E
 *                     feed-forward 2 * 2 N E F
 *   head              2 (N E) K
 * </pre>
 *
 * The model is channel-independent inside (every variable is its own series row), so a window of C
 * variables costs C times the per-series count.
 */
public final class FlopCount {
    private FlopCount() {}

    /** FLOPs of one series row through the network. */
    public static long perSeries(Architecture a, int window, int horizon) {
        long n = a.patches(window);
        long p = a.patchLen();
        long e = a.dModel();
        long f = a.ffDim();
        if (n <= 0 || p <= 0 || e <= 0 || f <= 0 || a.layers() <= 0) {
            throw new IllegalArgumentException(
                    "FLOPs need the full architecture (d_model, ff_dim, "
                            + "layers, patch_len, patch_stride), got "
                            + a);
        }
        long embed = 2 * n * p * e;
        long projections = 4 * 2 * n * e * e;
        long attention = 2 * 2 * n * n * e;
        long feedForward = 2 * 2 * n * e * f;
        long head = 2 * n * e * horizon;
        return embed + a.layers() * (projections + attention + feedForward) + head;
    }

    /** FLOPs of one window of {@code variables} variables. */
    public static long perWindow(ModelDescriptor d, int variables) {
        return variables * perSeries(d.architecture(), d.window(), d.horizon());
    }
}
