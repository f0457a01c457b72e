package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor.Normalization;
import dev.heed.models.testing.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Forecasters of randomly initialised models: shapes, units, batching and input checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecasterTest {

    private static final int T = 16;
    private static final int HORIZON = 3;

    @TempDir static Path temp;

    private ForecastModel fixed;
    private ForecastModel independent;

    @BeforeAll
    void load() throws Exception {
        TestModels.writeRandomModel(
                temp.resolve("fixed"),
                TestModels.descriptor(
                        List.of("a", "b"),
                        T,
                        HORIZON,
                        new Normalization(List.of(10.0, -5.0), List.of(2.0, 0.5))));
        TestModels.writeRandomModel(
                temp.resolve("independent"), TestModels.descriptor(List.of("*"), T, HORIZON, null));
        fixed = ModelLoader.load(temp.resolve("fixed"), DeviceChoice.CPU);
        independent = ModelLoader.load(temp.resolve("independent"), DeviceChoice.CPU);
    }

    @AfterAll
    void close() {
        fixed.close();
        independent.close();
    }

    private static float[][] window(int variables, long seed) {
        Random random = new Random(seed);
        float[][] w = new float[variables][T];
        for (int c = 0; c < variables; c++) {
            for (int t = 0; t < T; t++) {
                w[c][t] = (float) (10 * c + Math.sin(t / 2.0 + c) + 0.3 * random.nextGaussian());
            }
        }
        return w;
    }

    private static List<Forecast> forecast(ForecastModel model, List<float[][]> windows) {
        try (Forecaster forecaster = model.newForecaster()) {
            return forecaster.forecast(windows, AttentionMethod.ROLLOUT);
        }
    }

    private static void assertSameForecast(Forecast actual, Forecast expected) {
        assertThat(actual.prediction()).hasDimensions(expected.prediction().length, HORIZON);
        for (int c = 0; c < expected.prediction().length; c++) {
            for (int k = 0; k < HORIZON; k++) {
                assertThat(actual.prediction()[c][k])
                        .isCloseTo(expected.prediction()[c][k], within(1e-4f));
            }
            for (int t = 0; t < T; t++) {
                assertThat(actual.variableStepWeights()[c][t])
                        .isCloseTo(expected.variableStepWeights()[c][t], within(1e-6f));
            }
        }
    }

    @Test
    void shouldReturnOneForecastPerWindowWithStepWeightsSummingToOne() {
        List<Forecast> forecasts = forecast(fixed, List.<float[][]>of(window(2, 1), window(2, 2)));
        assertThat(forecasts).hasSize(2);
        for (Forecast f : forecasts) {
            assertThat(f.prediction()).hasDimensions(2, HORIZON);
            assertThat(f.variableStepWeights()).hasDimensions(2, T);
            float total = 0;
            for (int t = 0; t < T; t++) {
                float mean = (f.variableStepWeights()[0][t] + f.variableStepWeights()[1][t]) / 2;
                assertThat(f.stepWeights()[t]).isCloseTo(mean, within(1e-6f));
                total += f.stepWeights()[t];
            }
            assertThat(total).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void shouldForecastInTheInputsUnits() {
        // z-score outside and instance normalisation inside make the model scale-equivariant
        float[][] x = window(2, 3);
        float[][] moved = new float[2][T];
        for (int c = 0; c < 2; c++) {
            for (int t = 0; t < T; t++) {
                moved[c][t] = 2f * x[c][t] + 3f;
            }
        }
        List<Forecast> f = forecast(fixed, List.of(x, moved));
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < HORIZON; k++) {
                assertThat(f.get(1).prediction()[c][k])
                        .isCloseTo(2f * f.get(0).prediction()[c][k] + 3f, within(1e-3f));
            }
        }
    }

    @Test
    void shouldForecastABatchLikeEachWindowAlone() {
        List<float[][]> windows = List.<float[][]>of(window(2, 4), window(2, 5), window(2, 6));
        List<Forecast> batch = forecast(fixed, windows);
        for (int w = 0; w < windows.size(); w++) {
            assertSameForecast(
                    batch.get(w), forecast(fixed, List.<float[][]>of(windows.get(w))).get(0));
        }
    }

    @Test
    void shouldServeWindowsWithDifferentVariableCountsInOneChannelIndependentBatch() {
        List<float[][]> windows = List.<float[][]>of(window(1, 7), window(3, 8), window(2, 9));
        List<Forecast> batch = forecast(independent, windows);
        assertThat(batch).hasSize(3);
        assertThat(batch.get(1).prediction()).hasDimensions(3, HORIZON);
        assertThat(batch.get(2).variableStepWeights()).hasDimensions(2, T);
        for (int w = 0; w < windows.size(); w++) {
            assertSameForecast(
                    batch.get(w), forecast(independent, List.<float[][]>of(windows.get(w))).get(0));
        }
        // each variable alone: variable 1 of window 1 forecast as a one-variable window
        Forecast single =
                forecast(independent, List.<float[][]>of(new float[][] {windows.get(1)[1]})).get(0);
        for (int k = 0; k < HORIZON; k++) {
            assertThat(batch.get(1).prediction()[1][k])
                    .isCloseTo(single.prediction()[0][k], within(1e-4f));
        }
        // and its embedding is that window's second slice of the batch's
        float[] embedding = batch.get(1).embedding();
        int width = single.embedding().length;
        assertThat(embedding).as("one embedding per variable").hasSize(3 * width);
        for (int i = 0; i < width; i++) {
            assertThat(embedding[width + i]).isCloseTo(single.embedding()[i], within(1e-4f));
        }
    }

    @Test
    void shouldNameTheWindowAndValueOfBadInput() {
        float[][] shortWindow = {new float[T - 1], new float[T - 1]};
        assertThatThrownBy(() -> forecast(fixed, List.<float[][]>of(window(2, 1), shortWindow)))
                .isInstanceOf(HeedModelException.class)
                .hasMessage("window 1 variable 0 has 15 steps, model test-model expects 16");
        float[][] nan = window(2, 1);
        nan[1][7] = Float.NaN;
        assertThatThrownBy(() -> forecast(fixed, List.<float[][]>of(nan)))
                .hasMessage("window 0 variable 1 step 7 is not finite: NaN");
        float[][] inf = window(1, 1);
        inf[0][3] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> forecast(independent, List.<float[][]>of(window(2, 1), inf)))
                .hasMessage("window 1 variable 0 step 3 is not finite: Infinity");
        assertThatThrownBy(() -> forecast(fixed, List.<float[][]>of(window(3, 1))))
                .hasMessage("window 0 has 3 variables, model test-model expects 2 [a, b]");
        assertThatThrownBy(() -> forecast(fixed, new ArrayList<>()))
                .hasMessageContaining("at least one window");
    }

    @Test
    void shouldRefuseToForecastAfterTheModelIsClosed() throws Exception {
        ForecastModel model = ModelLoader.load(temp.resolve("fixed"), DeviceChoice.CPU);
        Forecaster forecaster = model.newForecaster();
        model.close();
        assertThatThrownBy(
                        () ->
                                forecaster.forecast(
                                        List.<float[][]>of(window(2, 1)), AttentionMethod.QUERY))
                .isInstanceOf(HeedModelException.class)
                .hasMessage("model test-model is closed");
    }
}
