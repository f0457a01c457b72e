package dev.heed.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** Known answers from Vaswani et al. (2017) eq. 1 computed by hand in plain Java. */
class MultiHeadSelfAttentionTest {

    private static final int E = 4;
    private static final int H = 2;
    private static final int D = E / H;
    private static final float[][] X = {
        {0.5f, -1f, 2f, 0f},
        {1f, 0.25f, -0.5f, 1.5f},
        {-1f, 2f, 0f, -0.75f}
    };

    @Test
    void shouldComputeScaledDotProductAttentionPerHeadWithSoftmaxOverKeys() {
        try (Model model = Model.newInstance("mha", Device.cpu())) {
            MultiHeadSelfAttention block =
                    MultiHeadSelfAttention.builder().setEmbedding(E).setHeads(H).build();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, E));
            setIdentityProjections(block);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                float[] flat = new float[3 * E];
                for (int i = 0; i < 3; i++) {
                    System.arraycopy(X[i], 0, flat, i * E, E);
                }
                NDList out =
                        block.forward(
                                new ParameterStore(manager, false),
                                new NDList(manager.create(flat, new Shape(1, 3, E))),
                                false);
                float[] y = out.get(0).toFloatArray(); // (1, N, E)
                float[] probabilities = out.get(1).toFloatArray(); // (1, H, N, N)
                for (int h = 0; h < H; h++) {
                    float[][] expected = softmaxScores(h);
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            assertThat(probabilities[(h * 3 + i) * 3 + j])
                                    .isCloseTo(expected[i][j], within(1e-5f));
                        }
                        for (int k = 0; k < D; k++) {
                            float context = 0;
                            for (int j = 0; j < 3; j++) {
                                context += expected[i][j] * X[j][h * D + k];
                            }
                            assertThat(y[i * E + h * D + k]).isCloseTo(context, within(1e-5f));
                        }
                    }
                }
            }
        }
    }

    /** softmax_j(q_i . k_j / sqrt(D)) of head h when Q = K = V = X. */
    private static float[][] softmaxScores(int h) {
        float[][] p = new float[3][3];
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            double[] e = new double[3];
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < D; k++) {
                    dot += X[i][h * D + k] * X[j][h * D + k];
                }
                e[j] = Math.exp(dot / Math.sqrt(D));
                sum += e[j];
            }
            for (int j = 0; j < 3; j++) {
                p[i][j] = (float) (e[j] / sum);
            }
        }
        return p;
    }

    private static void setIdentityProjections(MultiHeadSelfAttention block) {
        float[] identity = new float[E * E];
        for (int i = 0; i < E; i++) {
            identity[i * E + i] = 1f;
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().endsWith("weight")) {
                p.getValue().getArray().set(FloatBuffer.wrap(identity));
            } else {
                p.getValue().getArray().set(FloatBuffer.wrap(new float[E]));
            }
        }
    }
}
