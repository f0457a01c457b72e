package dev.heed.models.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.heed.models.formats.Engines;
import org.junit.jupiter.api.Test;

/** Known answers of the CTC forward algorithm (Graves et al., 2006) worked out by hand. */
class CtcLossTest {

    /** T = 2, V = {blank, a}, label "a": paths aa, a-, -a. */
    private static final float[][] TWO_STEPS = {{0.4f, 0.6f}, {0.3f, 0.7f}};

    @Test
    void shouldSumEveryPathThatCollapsesToTheLabel() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray nll = CtcLoss.negativeLogLikelihood(logOf(m, TWO_STEPS), new int[][] {{1}}, 0);
            // p = 0.6*0.7 + 0.6*0.3 + 0.4*0.7 = 0.88
            assertThat(nll.toFloatArray()[0]).isCloseTo((float) -Math.log(0.88), within(1e-5f));
        }
    }

    @Test
    void shouldRequireABlankBetweenRepeatedLabels() {
        float[][] p = {{0.4f, 0.6f}, {0.3f, 0.7f}, {0.5f, 0.5f}};
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray nll = CtcLoss.negativeLogLikelihood(logOf(m, p), new int[][] {{1, 1}}, 0);
            // the only path is a - a: 0.6 * 0.3 * 0.5 = 0.09
            assertThat(nll.toFloatArray()[0]).isCloseTo((float) -Math.log(0.09), within(1e-5f));
        }
    }

    @Test
    void shouldScoreEachSequenceOfABatchWithItsOwnLabelLength() {
        // V = {blank, a, b}, T = 3; sequence 0 label "ab", sequence 1 label "b"
        float[][] p = {{0.2f, 0.5f, 0.3f}, {0.3f, 0.3f, 0.4f}, {0.5f, 0.1f, 0.4f}};
        // "ab": ab-, a-b, abb, aab, -ab = .5*.4*.5 + .5*.3*.4 + .5*.4*.4 + .5*.3*.4 + .2*.3*.4
        double ab = .1 + .06 + .08 + .06 + .024;
        // "b": b--, bb-, bbb, -b-, -bb, --b, b-b is "bb" (excluded)
        double b =
                .3 * .3 * .5
                        + .3 * .4 * .5
                        + .3 * .4 * .4
                        + .2 * .4 * .5
                        + .2 * .4 * .4
                        + .2 * .3 * .4;
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray logProbs = NDArrays.stack(logOf(m, p), logOf(m, p)); // (2, T, V)
            float[] nll =
                    CtcLoss.negativeLogLikelihood(logProbs, new int[][] {{1, 2}, {2}}, 0)
                            .toFloatArray();
            assertThat(nll[0]).isCloseTo((float) -Math.log(ab), within(1e-5f));
            assertThat(nll[1]).isCloseTo((float) -Math.log(b), within(1e-5f));
        }
    }

    @Test
    void shouldGiveTheOccupancyGradient() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray logProbs = logOf(m, TWO_STEPS);
            logProbs.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray nll = CtcLoss.negativeLogLikelihood(logProbs, new int[][] {{1}}, 0).sum();
                gc.backward(nll);
            }
            float[] g = logProbs.getGradient().toFloatArray(); // d nll / d log y_t(k)
            // minus the probability of the paths through (t, k), over p = 0.88
            float[] expected = {-0.28f / 0.88f, -0.60f / 0.88f, -0.18f / 0.88f, -0.70f / 0.88f};
            for (int i = 0; i < 4; i++) {
                assertThat(g[i]).as("gradient %d", i).isCloseTo(expected[i], within(1e-5f));
            }
        }
    }

    @Test
    void shouldAverageOverTheBatchPerLabelAsALoss() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray logProbs = NDArrays.stack(logOf(m, TWO_STEPS), logOf(m, TWO_STEPS));
            NDArray targets = m.create(new int[] {1, -1, 1, -1}, new Shape(2, 2));
            float loss =
                    new CtcLoss(0).evaluate(new NDList(targets), new NDList(logProbs)).getFloat();
            assertThat(loss).isCloseTo((float) -Math.log(0.88), within(1e-5f));
        }
    }

    private static NDArray logOf(NDManager m, float[][] p) {
        float[] flat = new float[p.length * p[0].length];
        for (int t = 0; t < p.length; t++) {
            System.arraycopy(p[t], 0, flat, t * p[0].length, p[0].length);
        }
        return m.create(flat, new Shape(1, p.length, p[0].length)).log();
    }

    /** Stacks (1, T, V) arrays into (B, T, V). */
    private static final class NDArrays {
        static NDArray stack(NDArray... a) {
            return ai.djl.ndarray.NDArrays.concat(new NDList(a), 0);
        }
    }
}
