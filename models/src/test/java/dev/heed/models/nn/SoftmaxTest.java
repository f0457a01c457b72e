package dev.heed.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxTest {

    /** Axes below, at and above {@link Softmax#SHORT_AXIS}: both code paths. */
    @ParameterizedTest
    @ValueSource(ints = {1, 4, 9, 15, 16, 23})
    void shouldMatchSoftmaxComputedByHandOverTheLastAxis(int n) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(3, 2, 5, n);
            float[] x = values((int) shape.size(), n);
            float[] got = Softmax.lastAxis(manager.create(x, shape)).toFloatArray();
            for (int row = 0; row < x.length / n; row++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    max = Math.max(max, x[row * n + j]);
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += Math.exp(x[row * n + j] - max);
                }
                for (int j = 0; j < n; j++) {
                    double want = Math.exp(x[row * n + j] - max) / sum;
                    assertThat((double) got[row * n + j])
                            .as("row %d key %d", row, j)
                            .isCloseTo(want, within(1e-6));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 20})
    void shouldBackPropagateLikeTheEngineSoftmax(int n) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(4, 3, n);
            float[] x = values((int) shape.size(), n);
            float[] weights = values((int) shape.size(), 7);
            float[] ours = gradient(manager, x, weights, shape, true);
            float[] engine = gradient(manager, x, weights, shape, false);
            for (int i = 0; i < ours.length; i++) {
                assertThat(ours[i]).as("gradient %d", i).isCloseTo(engine[i], within(1e-6f));
            }
        }
    }

    private static float[] gradient(
            NDManager manager, float[] x, float[] weights, Shape shape, boolean ours) {
        NDArray input = manager.create(x, shape);
        input.setRequiresGradient(true);
        NDArray w = manager.create(weights, shape);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray p = ours ? Softmax.lastAxis(input) : input.softmax(-1);
            collector.backward(p.mul(w).sum()); // a loss that weighs every probability differently
        }
        return input.getGradient().toFloatArray();
    }

    private static float[] values(int size, int seed) {
        Random random = new Random(seed);
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (random.nextGaussian() * 3);
        }
        return v;
    }
}
