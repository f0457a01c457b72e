package dev.heed.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowWeightsTest {
    private static final double EPS = 1e-12;

    @Test
    void shouldMatchScaledSigmoidKnownValues() {
        // scaledSigmoid(y) = 2 / (1 + e^(5y)) - 1 = -tanh(5y / 2)
        // y = -1:   tanh(2.5)  = 0.9866142981514303
        assertThat(RowWeights.scaledSigmoid(-1.0)).isCloseTo(0.9866142981514303, within(EPS));
        // y = -0.5: tanh(1.25) = 0.8482836399575131
        assertThat(RowWeights.scaledSigmoid(-0.5)).isCloseTo(0.8482836399575131, within(EPS));
        // y = 0:    2 / (1 + 1) - 1 = 0
        assertThat(RowWeights.scaledSigmoid(0.0)).isCloseTo(0.0, within(EPS));
        // y = 1:    -tanh(2.5) = -0.9866142981514303
        assertThat(RowWeights.scaledSigmoid(1.0)).isCloseTo(-0.9866142981514303, within(EPS));
        // y = 3:    cut off to exactly -1 (the formula would give -0.99999969)
        assertThat(RowWeights.scaledSigmoid(3.0)).isEqualTo(-1.0);
        assertThat(RowWeights.scaledSigmoid(Double.POSITIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(RowWeights.scaledSigmoid(2.999)).isGreaterThan(-1.0);
    }

    @Test
    void shouldComputeNabProbationaryLength() {
        // floor(0.15 * 20) = 3; floor(0.15 * 1243) = floor(186.45) = 186; 0.15 * 22695 is capped at
        // 0.15 * 5000 = 750
        assertThat(RowWeights.probationaryLength(20)).isEqualTo(3.0);
        assertThat(RowWeights.probationaryLength(1243)).isEqualTo(186.0);
        assertThat(RowWeights.probationaryLength(22695)).isEqualTo(750.0);
        assertThat(RowWeights.probationaryLength(6)).isEqualTo(0.0);
    }

    @Test
    void shouldPositionRowsInsideAndAfterWindows(@TempDir Path dir) throws Exception {
        // 20 rows, window rows [8..11], width 4
        NabCorpus c = new NabFixtures(dir).file("a/x.csv", 20, new int[] {8, 11}).load();
        RowWeights rw = RowWeights.of(c.series("a/x.csv"));
        double tp1 = RowWeights.scaledSigmoid(-1.0);
        assertThat(rw.firstScored).isEqualTo(3);
        // before any window: position 3 -> -1
        assertThat(rw.unweighted[5]).isEqualTo(-1.0);
        assertThat(rw.window[5]).isEqualTo(-1);
        // row 8: -(11 - 8 + 1) / 4 = -1 -> exactly 1 after scaling by scaledSigmoid(-1)
        assertThat(rw.unweighted[8]).isEqualTo(1.0);
        // row 10: -(11 - 10 + 1) / 4 = -0.5 -> tanh(1.25) / tanh(2.5)
        assertThat(rw.unweighted[10]).isCloseTo(0.8482836399575131 / tp1, within(EPS));
        assertThat(rw.window[10]).isEqualTo(0);
        // row 12: |11 - 12| / (4 - 1) = 1/3 -> -tanh(5/6) = -0.6822617902381697
        assertThat(rw.unweighted[12]).isCloseTo(-0.6822617902381697, within(EPS));
        // row 19: 8/3 < 3 -> -tanh(20/3), not yet cut off
        assertThat(rw.unweighted[19]).isCloseTo(-Math.tanh(20.0 / 3), within(EPS));
    }

    @Test
    void shouldGiveMinusOneAfterAWindowOfOneRow(@TempDir Path dir) throws Exception {
        // width 1: |prevRight - i| / 0 = +infinity -> -1
        NabCorpus c = new NabFixtures(dir).file("a/x.csv", 20, new int[] {8, 8}).load();
        RowWeights rw = RowWeights.of(c.series("a/x.csv"));
        assertThat(rw.unweighted[8]).isEqualTo(1.0);
        assertThat(rw.unweighted[9]).isEqualTo(-1.0);
    }
}
