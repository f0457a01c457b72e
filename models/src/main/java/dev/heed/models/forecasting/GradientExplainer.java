package dev.heed.models.forecasting;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.models.AttentionMethod;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.internal.NetworkOutputs;
import dev.heed.models.nn.Constant;
import dev.heed.models.nn.Lrp;

/**
 * Per-step explanations from the network's gradients, for networks Heed builds as DJL blocks
 * ({@code djl} format, such as {@link PatchTstBlock}): relevance (AttnLRP), gradient times input,
 * and integrated gradients.
 *
 * <p>All three explain, in the units the network sees (each series over its window z-scored, as its
 * instance normalisation does; the window's mean is the neutral input 0), the quantity {@code F =
 * sum_h w_h y'_h}, the forecast's deviation from the window level weighted by itself ({@code w =
 * y'} held constant, so every horizon step counts by its size and signs do not cancel). The
 * relevance of input step t is {@code R_t = x'_t * dF/dx'_t}:
 *
 * <ul>
 *   <li>{@code relevance}: the gradient taken with AttnLRP's rules ({@link Lrp}); {@code sum_t R_t}
 *       equals {@code F} up to what biases absorb. One forward and one backward pass.
 *   <li>{@code gradient_x_input}: the plain gradient. One forward and one backward pass.
 *   <li>{@code integrated_gradients} (Sundararajan et al., 2017): the plain gradient averaged over
 *       {@value #IG_STEPS} inputs on the straight path from the window's mean (x' = 0) to x' (the
 *       midpoint rule); {@code sum_t R_t = F(x') - F(0)} up to the quadrature, which LayerNorm
 *       makes steep near x' = 0. A forward pass plus a forward and backward pass over {@value
 *       #IG_STEPS} times the batch.
 * </ul>
 *
 * <p>The gradients are taken through the PyTorch engine's autograd in the calling thread's own grad
 * mode (thread-local in PyTorch), not through DJL's process-wide {@code GradientCollector}, which
 * allows one collector at a time: every stream thread explains its batches concurrently.
 *
 * <p>Dimensions: B batch, T time steps, C channels per call, K horizon.
 */
final class GradientExplainer {

    /** Points on the integrated-gradients path in the stream. */
    static final int IG_STEPS = 32;

    private final Block block;
    private final ModelDescriptor descriptor;
    private final int igSteps;

    GradientExplainer(Block block, ModelDescriptor descriptor) {
        this(block, descriptor, IG_STEPS);
    }

    /**
     * An explainer of {@code block}, a DJL block built by Heed (a {@link PatchTstBlock}, or any
     * block that honours {@link PatchTstBlock#NORMALISED}), whose integrated gradients take {@code
     * igSteps} points on the path.
     */
    GradientExplainer(Block block, ModelDescriptor descriptor, int igSteps) {
        this.block = block;
        this.descriptor = descriptor;
        this.igSteps = igSteps;
    }

    /**
     * The network's outputs on {@code input} (in model units, as a plain call returns them) and the
     * relevance of every input element, in the input's layout.
     *
     * @param input flat {@code (B, T, C)} in model units
     */
    Explained explain(
            ParameterStore store,
            NDManager parent,
            float[] input,
            Shape shape,
            AttentionMethod method) {
        int b = (int) shape.get(0);
        int steps = (int) shape.get(1);
        int c = (int) shape.get(2);
        Level level = Level.of(input, b, steps, c, descriptor.instanceNorm());
        float[] normalised = level.normalise(input);
        boolean prev = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDManager manager = parent.newSubManager()) {
            NDArray x = manager.create(normalised, shape); // (B, T, C)
            switch (method) {
                case RELEVANCE:
                case GRADIENT_X_INPUT:
                    {
                        PairList<String, Object> params =
                                method == AttentionMethod.RELEVANCE ? Lrp.mode() : new PairList<>();
                        params.add(PatchTstBlock.NORMALISED, Boolean.TRUE);
                        x.setRequiresGradient(true);
                        NDList out = block.forward(store, new NDList(x), false, params);
                        NDArray y = out.get(0); // (B, K, C) normalised
                        backward(y, y.duplicate().stopGradient());
                        float[] g = x.getGradient().toFloatArray(); // (B, T, C)
                        float[] relevance = new float[g.length];
                        for (int i = 0; i < g.length; i++) {
                            relevance[i] = normalised[i] * g[i];
                        }
                        return new Explained(outputs(out, level, shape), relevance);
                    }
                case INTEGRATED_GRADIENTS:
                    return integrated(store, manager, x, normalised, level, shape);
                default:
                    throw new HeedModelException(
                            method.wireName() + " is not a gradient explanation");
            }
        } catch (RuntimeException e) {
            if (e instanceof HeedModelException) {
                throw e;
            }
            throw new HeedModelException(
                    "model "
                            + descriptor.name()
                            + " could not be explained by "
                            + method.wireName()
                            + ": "
                            + e.getMessage(),
                    e);
        } finally {
            JniUtils.setGradMode(prev);
        }
    }

    private Explained integrated(
            ParameterStore store,
            NDManager manager,
            NDArray x,
            float[] normalised,
            Level level,
            Shape shape) {
        PairList<String, Object> params = new PairList<>();
        params.add(PatchTstBlock.NORMALISED, Boolean.TRUE);
        NDList plain = block.forward(store, new NDList(x), false, params);
        NDArray weights = plain.get(0).stopGradient(); // (B, K, C): w = y'(x')
        long b = shape.get(0);
        NDArray alphas =
                Constant.dividedBy(
                                manager.arange(igSteps)
                                        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                                        .add(0.5f),
                                igSteps)
                        .reshape(igSteps, 1, 1, 1); // (M, 1, 1, 1)
        NDArray path =
                alphas.mul(x.stopGradient().expandDims(0))
                        .reshape(igSteps * b, shape.get(1), shape.get(2)); // (M*B, T, C)
        path.setRequiresGradient(true);
        NDArray y = block.forward(store, new NDList(path), false, params).get(0); // (M*B, K, C)
        NDArray seed = weights.expandDims(0).repeat(0, igSteps).reshape(y.getShape());
        backward(y, seed);
        NDArray mean =
                path.getGradient()
                        .reshape(igSteps, b, shape.get(1), shape.get(2))
                        .mean(new int[] {0}); // (B, T, C)
        float[] g = mean.toFloatArray();
        float[] relevance = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            relevance[i] = normalised[i] * g[i];
        }
        return new Explained(outputs(plain, level, shape), relevance);
    }

    /** Back-propagates {@code seed} from {@code y} in this thread. */
    private static void backward(NDArray y, NDArray seed) {
        JniUtils.backward((PtNDArray) y, (PtNDArray) seed, false, false);
    }

    /** The block's outputs with the prediction restored to model units. */
    private NetworkOutputs outputs(NDList out, Level level, Shape shape) {
        NDArray y = out.get(0).stopGradient(); // (B, K, C) normalised
        float[] prediction = level.restore(y.toFloatArray(), descriptor.horizon());
        NDArray attention = out.get(1).stopGradient(); // (B*C, L, H, N, N)
        long series = shape.get(0) * shape.get(2);
        float[] embedding = NetworkOutputs.embedding(out, 1, series); // (B*C, E)
        int width = embedding == null ? 0 : (int) (embedding.length / series);
        return new NetworkOutputs(
                prediction, attention.toFloatArray(), attention.getShape(), embedding, width);
    }

    /** The relevance of every input element beside the network's outputs. */
    record Explained(NetworkOutputs outputs, float[] relevance) {}

    /** Each series' window mean and standard deviation, as the block's instance norm has them. */
    private record Level(float[] mean, float[] std, int b, int steps, int c) {

        static Level of(float[] input, int b, int steps, int c, boolean instanceNorm) {
            float[] mean = new float[b * c];
            float[] std = new float[b * c];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < c; j++) {
                    if (!instanceNorm) {
                        std[i * c + j] = 1f;
                        continue;
                    }
                    double sum = 0;
                    for (int t = 0; t < steps; t++) {
                        sum += input[(i * steps + t) * c + j];
                    }
                    double mu = sum / steps;
                    double squares = 0;
                    for (int t = 0; t < steps; t++) {
                        double d = input[(i * steps + t) * c + j] - mu;
                        squares += d * d;
                    }
                    mean[i * c + j] = (float) mu;
                    std[i * c + j] =
                            (float) Math.sqrt(squares / steps + PatchTstBlock.INSTANCE_NORM_EPS);
                }
            }
            return new Level(mean, std, b, steps, c);
        }

        /** {@code (x - mean) / std} per series, flat {@code (B, T, C)}. */
        float[] normalise(float[] input) {
            float[] out = new float[input.length];
            for (int i = 0; i < b; i++) {
                for (int t = 0; t < steps; t++) {
                    for (int j = 0; j < c; j++) {
                        int at = (i * steps + t) * c + j;
                        out[at] = (input[at] - mean[i * c + j]) / std[i * c + j];
                    }
                }
            }
            return out;
        }

        /** {@code y * std + mean} per series, flat {@code (B, K, C)}. */
        float[] restore(float[] y, int horizon) {
            float[] out = new float[y.length];
            for (int i = 0; i < b; i++) {
                for (int k = 0; k < horizon; k++) {
                    for (int j = 0; j < c; j++) {
                        int at = (i * horizon + k) * c + j;
                        out[at] = y[at] * std[i * c + j] + mean[i * c + j];
                    }
                }
            }
            return out;
        }
    }
}
