package dev.heed.models.training.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * Connectionist temporal classification loss (Graves et al., ICML 2006) from NDArray operations, so
 * that autograd differentiates it: the forward (alpha) recursion in log space over the label
 * sequence extended with blanks, {@code s = 0 .. 2L}.
 *
 * <p>{@code alpha_0(s) = y_0(l'_s)} for {@code s < 2}; {@code alpha_t(s) = lse(alpha_{t-1}(s),
 * alpha_{t-1}(s-1), alpha_{t-1}(s-2) [if l'_s != blank and l'_s != l'_{s-2}]) + y_t(l'_s)}; {@code
 * log p(l|x) = lse(alpha_{T-1}(2L), alpha_{T-1}(2L-1))}. Impossible states hold {@link #NEG}, a
 * finite stand-in for minus infinity that keeps the gradients free of NaN.
 *
 * <p>Dimensions: B batch, T steps (equal within a batch), V vocabulary, L labels, S = 2 Lmax + 1.
 * As a DJL {@link Loss}: labels {@code [targets (B, Lmax) int32, padded with -1]}, predictions
 * {@code [logProbs (B, T, V), ...]}; the loss is the batch mean of {@code -log p / max(L, 1)}.
 */
public final class CtcLoss extends Loss {

    /** Log-probability of impossible states. */
    static final float NEG = -1e30f;

    private final int blank;

    public CtcLoss(int blank) {
        super("CtcLoss");
        this.blank = blank;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        int[][] targets = unpad(labels.head());
        NDArray nll = negativeLogLikelihood(predictions.head(), targets, blank); // (B)
        float[] lengths = new float[targets.length];
        for (int b = 0; b < targets.length; b++) {
            lengths[b] = Math.max(1, targets[b].length);
        }
        return nll.div(nll.getManager().create(lengths)).mean(); // ()
    }

    /** Padded {@code (B, Lmax)} int targets back to ragged arrays (padding is negative). */
    static int[][] unpad(NDArray padded) {
        int[] flat = padded.toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
        int b = (int) padded.getShape().get(0);
        int width = b == 0 ? 0 : flat.length / b;
        int[][] out = new int[b][];
        for (int i = 0; i < b; i++) {
            int n = 0;
            while (n < width && flat[i * width + n] >= 0) {
                n++;
            }
            out[i] = java.util.Arrays.copyOfRange(flat, i * width, i * width + n);
        }
        return out;
    }

    /**
     * {@code -log p(targets | x)} per sequence, differentiable with respect to {@code logProbs}.
     *
     * @param logProbs {@code (B, T, V)} log-softmax outputs
     * @param targets per sequence its label ids (no blanks), each at most T long after repeats
     * @return {@code (B)}
     */
    static NDArray negativeLogLikelihood(NDArray logProbs, int[][] targets, int blank) {
        NDManager m = logProbs.getManager();
        Shape shape = logProbs.getShape(); // (B, T, V)
        int batch = (int) shape.get(0);
        int steps = (int) shape.get(1);
        int vocab = (int) shape.get(2);
        int lmax = 0;
        for (int[] t : targets) {
            lmax = Math.max(lmax, t.length);
        }
        int s = 2 * lmax + 1;
        float[] oneHot = new float[batch * s * vocab];
        float[] skip = new float[batch * s];
        float[] start = new float[batch * s];
        float[] end = new float[batch * s];
        for (int b = 0; b < batch; b++) {
            int[] ext = extended(targets[b], s, blank);
            int len = 2 * targets[b].length + 1;
            for (int i = 0; i < s; i++) {
                oneHot[(b * s + i) * vocab + ext[i]] = 1f;
                boolean canSkip = i >= 2 && ext[i] != blank && ext[i] != ext[i - 2];
                skip[b * s + i] = canSkip ? 0f : NEG;
                start[b * s + i] = i < 2 ? 0f : NEG;
                end[b * s + i] = i == len - 1 || i == len - 2 ? 0f : NEG;
            }
        }
        NDArray selector = m.create(oneHot, new Shape(batch, s, vocab)); // (B, S, V)
        NDArray emissions = logProbs.matMul(selector.transpose(0, 2, 1)); // (B, T, S)
        NDArray skipMask = m.create(skip, new Shape(batch, s)); // (B, S)
        NDArray alpha =
                emissions.get(new NDIndex(":, 0, :")).add(m.create(start, new Shape(batch, s)));
        // (B, S)
        NDArray pad1 = m.full(new Shape(batch, 1), NEG); // (B, 1)
        NDArray pad2 = m.full(new Shape(batch, 2), NEG); // (B, 2)
        for (int t = 1; t < steps; t++) {
            NDArray prev1 =
                    s > 1
                            ? NDArrays.concat(
                                    new NDList(pad1, alpha.get(new NDIndex(":, 0:{}", s - 1))), 1)
                            : pad1; // (B, S)
            NDArray prev2 =
                    s > 2
                            ? NDArrays.concat(
                                            new NDList(
                                                    pad2, alpha.get(new NDIndex(":, 0:{}", s - 2))),
                                            1)
                                    .add(skipMask)
                            : m.full(new Shape(batch, s), NEG);
            // (B, S)
            alpha =
                    logSumExp(NDArrays.stack(new NDList(alpha, prev1, prev2), 2))
                            .add(emissions.get(new NDIndex(":, {}, :", t))); // (B, S)
        }
        NDArray last = alpha.add(m.create(end, new Shape(batch, s))); // (B, S)
        return logSumExp(last).neg(); // (B)
    }

    /** {@code log sum exp} over the last axis, stable: {@code (..., K) -> (...)}. */
    static NDArray logSumExp(NDArray x) {
        int axis = x.getShape().dimension() - 1;
        NDArray max = x.max(new int[] {axis}, true).stopGradient(); // (..., 1)
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis)); // (...)
    }

    /** {@code blank, l1, blank, l2, ..., blank}, padded with blanks to {@code s}. */
    private static int[] extended(int[] labels, int s, int blank) {
        int[] ext = new int[s];
        java.util.Arrays.fill(ext, blank);
        for (int i = 0; i < labels.length; i++) {
            ext[2 * i + 1] = labels[i];
        }
        return ext;
    }
}
