package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor.Architecture;
import dev.heed.models.formats.Engines;
import dev.heed.models.testing.TestModels;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatchTstBlockTest {

    private static final int T = 18;
    private static final int HORIZON = 3;
    // patch 4, stride 4: N = (18 - 4) / 4 + 2 = 5
    private static final int N = 5;

    private Model model;
    private PatchTstBlock block;

    @BeforeEach
    void setUp() {
        Engines.engine().setRandomSeed(3);
        model = Model.newInstance("block-test", Device.cpu());
        block =
                PatchTstBlock.builder()
                        .setArchitecture(TestModels.TINY)
                        .setSteps(T)
                        .setHorizon(HORIZON)
                        .build();
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, T, 1));
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    private float[] forward(float[] x, Shape shape, int output) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(x, shape);
            NDList out =
                    block.forward(new ParameterStore(manager, false), new NDList(input), false);
            return out.get(output).toFloatArray();
        }
    }

    private static float[] random(int size, long seed) {
        Random r = new Random(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void shouldReturnPredictionAttentionAndEmbeddingShapes() {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(random(2 * T * 3, 1), new Shape(2, T, 3));
            NDList out =
                    block.forward(new ParameterStore(manager, false), new NDList(input), false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, HORIZON, 3));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(6, 2, 2, N, N));
            assertThat(out.get(2).getShape()).as("embedding (B*C, E)").isEqualTo(new Shape(6, 8));
            assertThat(block.getOutputShapes(new Shape[] {new Shape(2, T, 3)}))
                    .containsExactly(
                            new Shape(2, HORIZON, 3), new Shape(6, 2, 2, N, N), new Shape(6, 8));
        }
    }

    @Test
    void shouldHaveAttentionRowsSummingToOne() {
        float[] attention = forward(random(2 * T * 3, 2), new Shape(2, T, 3), 1);
        assertThat(attention.length % N).isZero();
        for (int row = 0; row < attention.length / N; row++) {
            float sum = 0;
            for (int j = 0; j < N; j++) {
                assertThat(attention[row * N + j]).isBetween(0f, 1f);
                sum += attention[row * N + j];
            }
            assertThat(sum).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void shouldForecastEachVariableFromItsOwnPastOnly() {
        float[] x = random(T * 2, 3);
        float[] changed = x.clone();
        for (int t = 0; t < T; t++) {
            changed[t * 2 + 1] += 5f; // variable 1 only
        }
        float[] a = forward(x, new Shape(1, T, 2), 0);
        float[] b = forward(changed, new Shape(1, T, 2), 0);
        for (int k = 0; k < HORIZON; k++) {
            assertThat(b[k * 2]).isCloseTo(a[k * 2], within(1e-5f));
            assertThat(b[k * 2 + 1]).isNotCloseTo(a[k * 2 + 1], within(1e-3f));
        }
    }

    @Test
    void shouldScaleAndShiftPredictionsWithTheInputWhenInstanceNormalised() {
        float[] x = random(T, 4);
        float[] moved = new float[T];
        for (int t = 0; t < T; t++) {
            moved[t] = 3f * x[t] + 10f;
        }
        float[] a = forward(x, new Shape(1, T, 1), 0);
        float[] b = forward(moved, new Shape(1, T, 1), 0);
        for (int k = 0; k < HORIZON; k++) {
            assertThat(b[k]).isCloseTo(3f * a[k] + 10f, within(1e-3f));
        }
    }

    @Test
    void shouldNameTheValuesWhenTheArchitectureIsInvalid() {
        Architecture odd = new Architecture(Architecture.PATCH_TRANSFORMER, 10, 3, 1, 8, 4, 4, 0);
        assertThatThrownBy(
                        () ->
                                PatchTstBlock.builder()
                                        .setArchitecture(odd)
                                        .setSteps(T)
                                        .setHorizon(1)
                                        .build())
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("d_model must be divisible by heads: 10 % 3 = 1");
        assertThatThrownBy(
                        () ->
                                PatchTstBlock.builder()
                                        .setArchitecture(TestModels.TINY)
                                        .setSteps(3)
                                        .setHorizon(1)
                                        .build())
                .hasMessageContaining("patch_len must be <= window: 4 > 3");
    }
}
