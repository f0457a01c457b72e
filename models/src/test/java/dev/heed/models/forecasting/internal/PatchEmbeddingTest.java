package dev.heed.models.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class PatchEmbeddingTest {

    /** With an identity projection and zero positions the tokens are the patches themselves. */
    private static float[] patches(int steps, int patchLen, int stride) {
        try (Model model = Model.newInstance("patches", Device.cpu())) {
            PatchEmbedding block =
                    PatchEmbedding.builder()
                            .setSteps(steps)
                            .setPatchLen(patchLen)
                            .setStride(stride)
                            .setEmbedding(patchLen)
                            .build();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, steps));
            float[] identity = new float[patchLen * patchLen];
            for (int i = 0; i < patchLen; i++) {
                identity[i * patchLen + i] = 1f;
            }
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray array = p.getValue().getArray();
                float[] values =
                        p.getKey().endsWith("weight") ? identity : new float[(int) array.size()];
                array.set(FloatBuffer.wrap(values));
            }
            try (NDManager manager = model.getNDManager().newSubManager()) {
                float[] x = new float[steps];
                for (int t = 0; t < steps; t++) {
                    x[t] = t;
                }
                NDArray input = manager.create(x, new Shape(1, steps));
                return block.forward(new ParameterStore(manager, false), new NDList(input), false)
                        .singletonOrThrow()
                        .toFloatArray();
            }
        }
    }

    @Test
    void shouldCutNonOverlappingPatchesAndPadTheEndWithTheLastValue() {
        // T 10, P 4, S 4: N = (10 - 4) / 4 + 2 = 3; padded 0..9,9,9,9
        assertThat(patches(10, 4, 4)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9);
    }

    @Test
    void shouldCutOverlappingPatchesLikeUnfoldOverTheReplicationPaddedSeries() {
        // T 7, P 4, S 2: padded 0..6,6,6 (length 9); unfold(4, 2) gives starts 0, 2, 4
        assertThat(patches(7, 4, 2)).containsExactly(0, 1, 2, 3, 2, 3, 4, 5, 4, 5, 6, 6);
    }
}
