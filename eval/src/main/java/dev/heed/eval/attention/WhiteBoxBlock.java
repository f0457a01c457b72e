package dev.heed.eval.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.models.forecasting.PatchTstBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's hand-written function as a network, to test the attribution code itself: per series,
 * horizon step h is {@code sum over terms of weight * prod x'[T + h - lag]} of the window
 * normalised as a patch transformer normalises it, restored to the input's level and scale. It has
 * no attention; it returns uniform weights over {@code tokens} tokens in the attention output's
 * place, so that attention summaries of it are uniform.
 *
 * <p>Dimensions: B batch, T steps, C channels, K horizon, N tokens. Input {@code [x (B, T, C)]};
 * output {@code [prediction (B, K, C), attention (B*C, 1, 1, N, N)]}.
 */
final class WhiteBoxBlock extends AbstractBlock {

    private final List<AttentionTask.Term> terms;
    private final int window;
    private final int horizon;
    private final int tokens;

    WhiteBoxBlock(List<AttentionTask.Term> terms, int window, int horizon, int tokens) {
        this.terms = List.copyOf(terms);
        this.window = window;
        this.horizon = horizon;
        this.tokens = tokens;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, T, C)
        boolean normalised =
                params != null && Boolean.TRUE.equals(params.get(PatchTstBlock.NORMALISED));
        NDArray mean = null;
        NDArray std = null;
        if (!normalised) {
            mean = x.mean(new int[] {1}, true).stopGradient(); // (B, 1, C)
            std =
                    x.sub(mean)
                            .square()
                            .mean(new int[] {1}, true)
                            .add(PatchTstBlock.INSTANCE_NORM_EPS)
                            .sqrt()
                            .stopGradient(); // (B, 1, C)
            x = x.sub(mean).div(std); // (B, T, C)
        }
        List<NDArray> steps = new ArrayList<>(horizon);
        for (int h = 1; h <= horizon; h++) {
            NDArray y = null;
            for (AttentionTask.Term term : terms) {
                NDArray product = null;
                for (int lag : term.lags()) {
                    int t = window - 1 + h - lag;
                    NDArray v = x.get(new NDIndex(":, {}, :", t)); // (B, C)
                    product = product == null ? v : product.mul(v);
                }
                NDArray weighted = product.mul((float) term.weight()); // (B, C)
                y = y == null ? weighted : y.add(weighted);
            }
            steps.add(y);
        }
        NDArray y = NDArrays.stack(new NDList(steps), 1); // (B, K, C)
        if (!normalised) {
            y = y.mul(std).add(mean); // (B, K, C)
        }
        long series = x.getShape().get(0) * x.getShape().get(2);
        NDArray attention =
                x.getManager()
                        .ones(new Shape(series, 1, 1, tokens, tokens))
                        .div((float) tokens); // (B*C, 1, 1, N, N)
        return new NDList(y, attention);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0]; // (B, T, C)
        return new Shape[] {
            new Shape(x.get(0), horizon, x.get(2)),
            new Shape(x.get(0) * x.get(2), 1, 1, tokens, tokens)
        };
    }
}
