package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
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

/** Gradient explanations of a randomly initialised patch transformer: known answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradientExplainerTest {

    private static final int T = 16;
    private static final int HORIZON = 3;

    @TempDir static Path temp;

    private NetworkForecastModel model;

    @BeforeAll
    void load() throws Exception {
        TestModels.writeRandomModel(
                temp.resolve("m"), TestModels.descriptor(List.of("*"), T, HORIZON, null));
        model = (NetworkForecastModel) ModelLoader.load(temp.resolve("m"), DeviceChoice.CPU);
    }

    @AfterAll
    void close() {
        model.close();
    }

    private static List<float[][]> windows(int n, long seed) {
        Random random = new Random(seed);
        List<float[][]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[][] w = new float[1 + i % 2][T];
            for (int c = 0; c < w.length; c++) {
                for (int t = 0; t < T; t++) {
                    w[c][t] = (float) (5 + Math.sin(t / 2.0 + i) + 0.5 * random.nextGaussian());
                }
            }
            out.add(w);
        }
        return out;
    }

    @Test
    void shouldForecastTheSameValuesWhateverTheMethod() {
        List<float[][]> windows = windows(5, 1);
        try (Forecaster f = model.newForecaster()) {
            List<Forecast> plain = f.forecast(windows, AttentionMethod.ROLLOUT);
            for (AttentionMethod m :
                    new AttentionMethod[] {
                        AttentionMethod.RELEVANCE,
                        AttentionMethod.GRADIENT_X_INPUT,
                        AttentionMethod.INTEGRATED_GRADIENTS
                    }) {
                List<Forecast> explained = f.forecast(windows, m);
                for (int b = 0; b < windows.size(); b++) {
                    Forecast e = explained.get(b);
                    assertThat(e.method()).isEqualTo(m);
                    for (int c = 0; c < e.prediction().length; c++) {
                        for (int k = 0; k < HORIZON; k++) {
                            assertThat(e.prediction()[c][k])
                                    .as("%s window %d variable %d step %d", m, b, c, k)
                                    .isCloseTo(plain.get(b).prediction()[c][k], within(1e-4f));
                        }
                        float sum = 0;
                        for (float w : e.variableStepWeights()[c]) {
                            assertThat(w).isGreaterThanOrEqualTo(0f);
                            sum += w;
                        }
                        assertThat(sum).isCloseTo(1f, within(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void shouldGiveIntegratedGradientsThatSumToTheChangeFromTheWindowMean() {
        PatchTstBlock block = (PatchTstBlock) model.model().getBlock();
        // LayerNorm makes the path steep near the window mean: a fine quadrature to test the sum
        GradientExplainer explainer = new GradientExplainer(block, model.descriptor(), 1024);
        ParameterStore store = new ParameterStore(model.model().getNDManager(), false);
        float[][] w = windows(1, 7).get(0);
        float[] input = w[0].clone();
        Shape shape = new Shape(1, T, 1);
        GradientExplainer.Explained e =
                explainer.explain(
                        store,
                        model.model().getNDManager(),
                        input,
                        shape,
                        AttentionMethod.INTEGRATED_GRADIENTS);
        double total = 0;
        for (float r : e.relevance()) {
            total += r;
        }
        // F(z) = sum_k w_k y'_k(z) with w = y'(x'): F(x') - F(0), in normalised units
        float[] normalised = normalise(input);
        float[] atX = normalisedForecast(block, store, normalised);
        float[] atZero = normalisedForecast(block, store, new float[T]);
        double expected = 0;
        for (int k = 0; k < HORIZON; k++) {
            expected += atX[k] * (atX[k] - atZero[k]);
        }
        assertThat(total).isCloseTo(expected, within(0.02 * Math.abs(expected) + 1e-3));
    }

    @Test
    void shouldDifferFromPlainGradientTimesInputWhereTheRulesApply() {
        List<float[][]> windows = windows(3, 3);
        try (Forecaster f = model.newForecaster()) {
            List<Forecast> lrp = f.forecast(windows, AttentionMethod.RELEVANCE);
            List<Forecast> gxi = f.forecast(windows, AttentionMethod.GRADIENT_X_INPUT);
            double diff = 0;
            for (int b = 0; b < windows.size(); b++) {
                for (int t = 0; t < T; t++) {
                    diff += Math.abs(lrp.get(b).stepWeights()[t] - gxi.get(b).stepWeights()[t]);
                }
            }
            assertThat(diff)
                    .as("LayerNorm, GELU and attention rules change the gradient")
                    .isGreaterThan(1e-3);
        }
    }

    @Test
    void shouldGiveRolloutAndSaySoOnEnginesWithoutHeedsBlocks() throws Exception {
        for (String fixture : new String[] {"torchscript-tiny", "onnx-tiny"}) {
            try (ForecastModel m = ModelLoader.load(Fixtures.dir(fixture), DeviceChoice.CPU);
                    Forecaster f = m.newForecaster()) {
                int vars =
                        m.descriptor().channelIndependent() ? 1 : m.descriptor().variables().size();
                float[][] w = new float[vars][m.descriptor().window()];
                for (float[] row : w) {
                    for (int t = 0; t < row.length; t++) {
                        row[t] = (float) Math.sin(t / 3.0);
                    }
                }
                List<float[][]> batch = new ArrayList<>();
                batch.add(w);
                Forecast out = f.forecast(batch, AttentionMethod.RELEVANCE).get(0);
                assertThat(out.method()).as(fixture).isEqualTo(AttentionMethod.ROLLOUT);
            }
        }
    }

    private static float[] normalise(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean) / x.length;
        }
        double std = Math.sqrt(var + PatchTstBlock.INSTANCE_NORM_EPS);
        float[] out = new float[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = (float) ((x[t] - mean) / std);
        }
        return out;
    }

    private static float[] normalisedForecast(
            PatchTstBlock block, ParameterStore store, float[] normalised) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(normalised, new Shape(1, T, 1));
            PairList<String, Object> params = new PairList<>();
            params.add(PatchTstBlock.NORMALISED, Boolean.TRUE);
            NDList out = block.forward(store, new NDList(x), false, params);
            return out.get(0).toFloatArray();
        }
    }
}
