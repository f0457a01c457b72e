package dev.heed.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Attention-aware relevance propagation (AttnLRP, Achtibat et al., ICML 2024) as modified
 * gradients: a block run with {@link #MODE} in its forward parameters computes the same values, but
 * its backward pass carries relevance, so that {@code input * gradient} at the network's input is
 * the relevance of each input element.
 *
 * <p>The rules, each chosen so that relevance is conserved through the layer ({@code sum R_in ==
 * sum R_out} up to what biases absorb):
 *
 * <ul>
 *   <li>linear layers, residual sums, reshapes: the plain gradient (LRP-0/epsilon);
 *   <li>LayerNorm: the identity rule, the standard deviation held constant ({@link #layerNorm});
 *   <li>element-wise non-linearities such as GELU: the identity rule ({@link #identity});
 *   <li>products of two inputs (queries times keys, attention times values): the uniform rule, half
 *       of the relevance to each factor ({@link #uniform});
 *   <li>softmax: the plain gradient, which times its input is AttnLRP's softmax rule {@code x_j
 *       (R_j - s_j sum R)}.
 * </ul>
 */
public final class Lrp {

    /** The forward parameter that switches a block into relevance mode: {@code MODE=true}. */
    public static final String MODE = "heed.lrp";

    private static final float LAYER_NORM_EPS =
            1e-5f; // DJL's LayerNorm default, used by our blocks

    private Lrp() {}

    /** Forward parameters asking for relevance mode. */
    public static PairList<String, Object> mode() {
        PairList<String, Object> params = new PairList<>();
        params.add(MODE, Boolean.TRUE);
        return params;
    }

    /** Whether {@code params} ask for relevance mode. */
    public static boolean on(PairList<String, Object> params) {
        return params != null && Boolean.TRUE.equals(params.get(MODE));
    }

    /**
     * {@code f(x)} with the identity rule: the value of {@code fx}, the gradient {@code fx / x}, so
     * that {@code x * gradient} passes the relevance of the output to the input unchanged. Where
     * {@code |x|} is tiny the ratio is taken as its limit 0.5 (GELU's slope at 0).
     */
    public static NDArray identity(NDArray x, NDArray fx) {
        NDArray small = x.abs().lt(1e-6f);
        NDArray safe = NDArrays.where(small, x.onesLike(), x);
        NDArray ratio =
                NDArrays.where(small, Constant.times(x.onesLike(), 0.5f), fx.div(safe))
                        .stopGradient();
        return x.mul(ratio);
    }

    /**
     * GELU ({@code x * Phi(x)}, the exact form PyTorch computes) with the identity rule: the
     * gradient is {@code Phi(x)} held constant, so {@code x * gradient} is {@code gelu(x)} times
     * the output's gradient. Fewer operations than {@link #identity} with a separate GELU.
     */
    public static NDArray gelu(NDArray x) {
        NDArray phi =
                Constant.times(Constant.times(x, INV_SQRT2).erf().add(1f), 0.5f).stopGradient();
        return x.mul(phi);
    }

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    /**
     * A product of two inputs (already computed) with the uniform rule: the same value, half the
     * gradient, so that each factor receives half of the product's relevance.
     */
    public static NDArray uniform(NDArray product) {
        return Constant.times(product, 0.5f).add(Constant.times(product.stopGradient(), 0.5f));
    }

    /**
     * LayerNorm over the last axis with the identity rule: centring and the affine map stay in the
     * graph, the standard deviation is held constant. Same value as {@code norm}.
     */
    public static NDArray layerNorm(LayerNorm norm, ParameterStore store, NDArray x) {
        NDArray mean = x.mean(new int[] {-1}, true); // (..., 1)
        NDArray centred = x.sub(mean); // (..., E)
        NDArray std =
                centred.square()
                        .mean(new int[] {-1}, true)
                        .add(LAYER_NORM_EPS)
                        .sqrt()
                        .stopGradient(); // (..., 1)
        NDArray gamma = value(norm, store, x, "gamma"); // (E)
        NDArray beta = value(norm, store, x, "beta"); // (E)
        return centred.div(std).mul(gamma).add(beta); // (..., E)
    }

    private static NDArray value(LayerNorm norm, ParameterStore store, NDArray x, String name) {
        Parameter p = norm.getParameters().get(name);
        return store.getValue(p, x.getDevice(), false);
    }
}
