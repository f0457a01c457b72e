package dev.heed.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.heed.models.formats.Engines;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AttnLRP's rules as modified gradients: same values, relevance-conserving gradients. */
class LrpTest {

    private NDManager manager;
    private boolean gradMode;

    @BeforeEach
    void open() {
        Engines.engine();
        manager = NDManager.newBaseManager(Device.cpu());
        gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    @AfterEach
    void close() {
        JniUtils.setGradMode(gradMode);
        manager.close();
    }

    /** {@code x * d(sum(seed * f(x)))/dx}: the relevance that reaches x for output relevance. */
    private float[] inputTimesGradient(float[] x0, Function<NDArray, NDArray> f, float[] seed) {
        NDArray x = manager.create(x0, new Shape(1, x0.length));
        x.setRequiresGradient(true);
        NDArray y = f.apply(x);
        JniUtils.backward(
                (PtNDArray) y, (PtNDArray) manager.create(seed, y.getShape()), false, false);
        float[] g = x.getGradient().toFloatArray();
        float[] r = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            r[i] = x0[i] * g[i];
        }
        return r;
    }

    @Test
    void shouldPassTheRelevanceOfGeluUnchangedByTheIdentityRule() {
        float[] x = {-2f, -0.5f, 0f, 1e-8f, 0.3f, 2.5f};
        float[] seed = {1f, 2f, 3f, 4f, 5f, 6f};
        float[] r = inputTimesGradient(x, v -> Lrp.identity(v, Activation.gelu(v)), seed);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] y = Activation.gelu(m.create(x)).toFloatArray();
            for (int i = 0; i < x.length; i++) {
                // R_in = x * seed * gelu(x) / x = gelu(x) * seed = R_out
                assertThat(r[i]).isCloseTo(y[i] * seed[i], within(1e-5f));
            }
        }
    }

    @Test
    void shouldComputeGeluAndPassItsRelevanceUnchanged() {
        float[] x = {-3f, -0.5f, 0f, 0.3f, 2.5f};
        float[] seed = {1f, 2f, 3f, 4f, 5f};
        float[] r = inputTimesGradient(x, Lrp::gelu, seed);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] y = Activation.gelu(m.create(x)).toFloatArray();
            float[] lrp = Lrp.gelu(m.create(x)).toFloatArray();
            for (int i = 0; i < x.length; i++) {
                assertThat(lrp[i]).isCloseTo(y[i], within(1e-5f));
                assertThat(r[i]).isCloseTo(y[i] * seed[i], within(1e-5f));
            }
        }
    }

    @Test
    void shouldSplitTheRelevanceOfAProductEquallyByTheUniformRule() {
        NDArray a = manager.create(new float[] {2f, -3f}, new Shape(1, 2));
        NDArray b = manager.create(new float[] {5f, 7f}, new Shape(1, 2));
        a.setRequiresGradient(true);
        b.setRequiresGradient(true);
        NDArray y = Lrp.uniform(a.mul(b));
        NDArray seed = manager.create(new float[] {1f, 1f}, new Shape(1, 2));
        JniUtils.backward((PtNDArray) y, (PtNDArray) seed, false, false);
        assertThat(y.toFloatArray()).containsExactly(10f, -21f);
        float[] ga = a.getGradient().toFloatArray();
        float[] gb = b.getGradient().toFloatArray();
        // R_a = a * 0.5 * b: half of a * b, and the same for b
        assertThat(new float[] {2f * ga[0], -3f * ga[1]}).containsExactly(5f, -10.5f);
        assertThat(new float[] {5f * gb[0], 7f * gb[1]}).containsExactly(5f, -10.5f);
    }

    @Test
    void shouldNormaliseLikeLayerNormAndConserveTheCentredRelevance() {
        LayerNorm norm = LayerNorm.builder().axis(1).build();
        norm.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
        ParameterStore store = new ParameterStore(manager, false);
        float[] x0 = {1f, 3f, -2f, 6f};
        NDArray x = manager.create(x0, new Shape(1, 4));
        float[] plain = norm.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
        float[] lrp = Lrp.layerNorm(norm, store, x).toFloatArray();
        for (int i = 0; i < 4; i++) {
            assertThat(lrp[i]).isCloseTo(plain[i], within(1e-5f));
        }
        // gamma 1, beta 0: with the std held, sum_i R_in = sum_i (x_i - mean) * seed_i / std...
        float[] seed = {1f, 1f, 1f, 1f};
        float[] r = inputTimesGradient(x0, v -> Lrp.layerNorm(norm, store, v), seed);
        double sum = 0;
        for (float v : r) {
            sum += v;
        }
        double sumOut = 0;
        for (float v : plain) {
            sumOut += v;
        }
        // ...which for a uniform seed is the sum of the outputs (0: centred), conserved
        assertThat(sum).isCloseTo(sumOut, within(1e-4));
    }

    @Test
    void shouldComputeTheSameValuesInRelevanceMode() {
        EncoderLayer layer =
                EncoderLayer.builder().setEmbedding(8).setHeads(2).setFeedForward(16).build();
        Shape shape = new Shape(3, 5, 8);
        layer.initialize(manager, DataType.FLOAT32, shape);
        ParameterStore store = new ParameterStore(manager, false);
        NDArray x = manager.randomNormal(shape);
        NDList plain = layer.forward(store, new NDList(x), false);
        NDList lrp = layer.forward(store, new NDList(x), false, Lrp.mode());
        float[] a = plain.get(0).toFloatArray();
        float[] b = lrp.get(0).toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], within(1e-4f));
        }
        assertThat(lrp.get(1).toFloatArray()).containsExactly(plain.get(1).toFloatArray());
    }
}
