package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The relevance weights of a window do not depend on the batch it was explained in (within 1e-6),
 * so that two runs of one input that batched it differently (a restarted process catching up)
 * explain every prediction alike. Shipped model, windows of noisy sines at many levels.
 */
class RelevanceBatchInvarianceTest {

    private static final float TOLERANCE = 1e-6f;

    @Test
    void shouldExplainAWindowAlikeWhateverBatchItIsIn() throws Exception {
        List<float[][]> windows = windows(240);
        try (NetworkForecastModel model =
                        (NetworkForecastModel)
                                ModelLoader.load(
                                        Path.of("shipped/sensor-default"), DeviceChoice.CPU);
                Forecaster f = model.newForecaster()) {
            List<Forecast> alone = new ArrayList<>();
            for (float[][] w : windows) {
                alone.addAll(f.forecast(List.<float[][]>of(w), AttentionMethod.RELEVANCE));
            }
            for (int size : new int[] {7, 57, 240}) {
                List<Forecast> batched = new ArrayList<>();
                for (int i = 0; i < windows.size(); i += size) {
                    batched.addAll(
                            f.forecast(
                                    windows.subList(i, Math.min(windows.size(), i + size)),
                                    AttentionMethod.RELEVANCE));
                }
                for (int b = 0; b < windows.size(); b++) {
                    float[] expected = alone.get(b).variableStepWeights()[0];
                    float[] actual = batched.get(b).variableStepWeights()[0];
                    for (int t = 0; t < expected.length; t++) {
                        assertThat(Math.abs(actual[t] - expected[t]))
                                .as("window %d step %d in batches of %d", b, t, size)
                                .isLessThan(TOLERANCE);
                    }
                }
            }
        }
    }

    private static List<float[][]> windows(int n) {
        Random random = new Random(11);
        List<float[][]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double level = 10 + 90 * random.nextDouble();
            double noise = i % 3 == 0 ? 0 : random.nextDouble();
            float[][] w = new float[1][64];
            for (int t = 0; t < 64; t++) {
                w[0][t] =
                        (float)
                                (level
                                        + 10 * Math.sin((i + t) / 7.0)
                                        + noise * random.nextGaussian());
            }
            out.add(w);
        }
        return out;
    }
}
