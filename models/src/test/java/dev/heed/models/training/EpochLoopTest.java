package dev.heed.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.heed.models.formats.Engines;
import org.junit.jupiter.api.Test;

class EpochLoopTest {

    /** A flatten head's weight: 96 outputs from 42 patches x 16 features. */
    private static final Shape HEAD = new Shape(96, 672);

    @Test
    void shouldDrawTorchInitFromPlusMinusOneOverSqrtFanIn() {
        double bound = 1 / Math.sqrt(672);
        float[] w = draw(WeightInit.TORCH);
        assertThat(maxAbs(w))
                .isLessThanOrEqualTo((float) bound)
                .isGreaterThan((float) (0.99 * bound));
        // uniform in +-b has standard deviation b / sqrt(3)
        assertThat(std(w)).isCloseTo(bound / Math.sqrt(3), within(0.02 * bound));
    }

    @Test
    void shouldDrawXavierFromDjlsDefaultRange() {
        double bound = Math.sqrt(6 / ((672 + 96) / 2.0));
        float[] w = draw(WeightInit.XAVIER);
        assertThat(maxAbs(w))
                .isLessThanOrEqualTo((float) bound)
                .isGreaterThan((float) (0.99 * bound));
        assertThat(std(w)).isCloseTo(bound / Math.sqrt(3), within(0.02 * bound));
    }

    private static float[] draw(WeightInit init) {
        Engines.engine().setRandomSeed(3);
        try (NDManager manager = Engines.engine().newBaseManager()) {
            NDArray w = EpochLoop.initializer(init).initialize(manager, HEAD, DataType.FLOAT32);
            return w.toFloatArray();
        }
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double std(float[] values) {
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / values.length;
        return Math.sqrt(squares / values.length - mean * mean);
    }
}
