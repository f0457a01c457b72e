package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.attention.Attention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every model format keeps, run over a fixture per format (see {@code
 * src/test/fixtures/README.md}): loading, shapes, golden outputs, attention summaries, batching,
 * input checks and load errors. Subclasses name the fixture.
 *
 * <p>Dimensions: B windows, C variables, T steps, L layers, H heads, N tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FormatContractTest {

    @TempDir Path temp;

    private Path dir;
    private Golden golden;
    private ForecastModel model;

    /** The fixture directory's name under {@code src/test/resources/fixtures}. */
    abstract String fixture();

    /** The descriptor's format. */
    abstract String format();

    /** How many outputs the fixture's network returns (Heed's own networks add the embedding). */
    abstract int networkOutputs();

    @BeforeAll
    void load() throws Exception {
        dir = Fixtures.dir(fixture());
        golden = Golden.read(dir);
        model = ModelLoader.load(dir, DeviceChoice.CPU);
    }

    @AfterAll
    void close() {
        model.close();
    }

    private ModelDescriptor descriptor() {
        return model.descriptor();
    }

    private List<Forecast> forecast(List<float[][]> windows, AttentionMethod method) {
        try (Forecaster forecaster = model.newForecaster()) {
            return forecaster.forecast(windows, method);
        }
    }

    /** A window of {@code variables} noisy series, offset so that each window differs. */
    private float[][] window(int variables, int seed) {
        float[][] w = new float[variables][descriptor().window()];
        for (int c = 0; c < variables; c++) {
            for (int t = 0; t < w[c].length; t++) {
                w[c][t] =
                        (float)
                                (5 * c
                                        + seed
                                        + Math.sin(0.4 * t + seed + c)
                                        + 0.1 * ((t * seed) % 7));
            }
        }
        return w;
    }

    private int variables() {
        return descriptor().channelIndependent() ? 2 : descriptor().variables().size();
    }

    @Test
    void shouldLoadWithTheDescriptorItWasWrittenWith() throws Exception {
        ModelDescriptor d = descriptor();
        assertThat(d.format()).isEqualTo(format());
        assertThat(d).isEqualTo(ModelDescriptor.read(dir));
        assertThat(ModelDescriptor.fromJson(d.toJson())).isEqualTo(d);
        d.write(temp);
        assertThat(ModelDescriptor.read(temp)).isEqualTo(d);
    }

    @Test
    void shouldReturnForecastsOfTheContractShapes() {
        List<Forecast> forecasts = forecast(golden.windowList(), AttentionMethod.ROLLOUT);
        assertThat(forecasts).hasSize(golden.windows().length);
        for (int b = 0; b < forecasts.size(); b++) {
            int c = golden.windows()[b].length;
            assertThat(forecasts.get(b).prediction()).hasDimensions(c, descriptor().horizon());
            assertThat(forecasts.get(b).variableStepWeights())
                    .hasDimensions(c, descriptor().window());
            assertThat(forecasts.get(b).stepWeights()).hasSize(descriptor().window());
        }
    }

    @Test
    void shouldMatchTheGoldenOutputsForEveryAttentionMethod() {
        ModelDescriptor.Architecture a = descriptor().architecture();
        for (AttentionMethod method : AttentionMethod.summaries()) {
            List<Forecast> forecasts = forecast(golden.windowList(), method);
            for (int b = 0; b < forecasts.size(); b++) {
                for (int c = 0; c < golden.windows()[b].length; c++) {
                    String where = method + " window " + b + " variable " + c;
                    Fixtures.assertAllClose(
                            forecasts.get(b).prediction()[c],
                            golden.prediction()[b][c],
                            where + " prediction");
                    float[] tokens = Attention.tokenWeights(golden.attention()[b][c], method);
                    float[] steps =
                            Attention.tokensToSteps(
                                    tokens, a.patchLen(), a.patchStride(), descriptor().window());
                    Fixtures.assertAllClose(
                            forecasts.get(b).variableStepWeights()[c],
                            steps,
                            where + " step weights");
                }
            }
        }
    }

    @Test
    void shouldGiveNonNegativeStepWeightsSummingToOneForEveryMethod() {
        List<float[][]> windows = List.of(window(variables(), 1), window(variables(), 2));
        for (AttentionMethod method : AttentionMethod.values()) {
            for (Forecast f : forecast(windows, method)) {
                for (float w : f.stepWeights()) {
                    assertThat(w).as(method.wireName()).isGreaterThanOrEqualTo(0f);
                }
                assertThat(Fixtures.sum(f.stepWeights()))
                        .as(method.wireName())
                        .isCloseTo(1.0, within(1e-5));
                for (float[] variable : f.variableStepWeights()) {
                    assertThat(Fixtures.sum(variable))
                            .as(method.wireName())
                            .isCloseTo(1.0, within(1e-5));
                }
            }
        }
    }

    @Test
    void shouldForecastBatchesOfOneThreeAndEightLikeEachWindowAlone() {
        List<float[][]> windows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            windows.add(window(variables(), i + 1));
        }
        List<Forecast> alone = new ArrayList<>();
        for (float[][] w : windows) {
            alone.add(forecast(List.<float[][]>of(w), AttentionMethod.HEAD_MEAN).get(0));
        }
        for (int size : new int[] {1, 3, 8}) {
            List<Forecast> batch = forecast(windows.subList(0, size), AttentionMethod.HEAD_MEAN);
            for (int b = 0; b < size; b++) {
                for (int c = 0; c < variables(); c++) {
                    String where = "batch " + size + " window " + b + " variable " + c;
                    Fixtures.assertAllClose(
                            batch.get(b).prediction()[c], alone.get(b).prediction()[c], where);
                    Fixtures.assertAllClose(
                            batch.get(b).variableStepWeights()[c],
                            alone.get(b).variableStepWeights()[c],
                            where + " step weights");
                }
            }
        }
    }

    @Test
    void shouldTakeVariableCountsAsTheDescriptorSays() {
        if (descriptor().channelIndependent()) {
            List<float[][]> windows = List.of(window(1, 1), window(3, 2), window(2, 3));
            List<Forecast> batch = forecast(windows, AttentionMethod.QUERY);
            assertThat(batch.get(1).prediction()).hasDimensions(3, descriptor().horizon());
            // every variable is its own series: variable 2 of window 1 alone gives the same
            // forecast
            float[][] single = {windows.get(1)[2]};
            Forecast alone = forecast(List.<float[][]>of(single), AttentionMethod.QUERY).get(0);
            Fixtures.assertAllClose(
                    batch.get(1).prediction()[2], alone.prediction()[0], "variable alone");
            Fixtures.assertAllClose(
                    batch.get(1).variableStepWeights()[2],
                    alone.variableStepWeights()[0],
                    "weights alone");
        } else {
            int expected = descriptor().variables().size();
            assertThatThrownBy(
                            () ->
                                    forecast(
                                            List.<float[][]>of(window(expected + 1, 1)),
                                            AttentionMethod.QUERY))
                    .isInstanceOf(HeedModelException.class)
                    .hasMessage(
                            "window 0 has "
                                    + (expected + 1)
                                    + " variables, model "
                                    + descriptor().name()
                                    + " expects "
                                    + expected
                                    + " "
                                    + descriptor().variables());
        }
    }

    @Test
    void shouldRejectBadInputsNamingTheValue() {
        int steps = descriptor().window();
        float[][] ok = window(variables(), 1);
        float[][] shortWindow = new float[variables()][steps - 1];
        assertThatThrownBy(() -> forecast(List.of(ok, shortWindow), AttentionMethod.ROLLOUT))
                .isInstanceOf(HeedModelException.class)
                .hasMessage(
                        "window 1 variable 0 has "
                                + (steps - 1)
                                + " steps, model "
                                + descriptor().name()
                                + " expects "
                                + steps);
        float[][] nan = window(variables(), 2);
        nan[variables() - 1][7] = Float.NaN;
        assertThatThrownBy(() -> forecast(List.<float[][]>of(nan), AttentionMethod.ROLLOUT))
                .isInstanceOf(HeedModelException.class)
                .hasMessage(
                        "window 0 variable " + (variables() - 1) + " step 7 is not finite: NaN");
    }

    @Test
    void shouldNotKeepArraysAfterACall() {
        NDManager weights = ((NetworkForecastModel) model).model().getNDManager();
        forecast(golden.windowList(), AttentionMethod.ROLLOUT);
        int managed = weights.getManagedArrays().size();
        for (int i = 0; i < 3; i++) {
            forecast(golden.windowList(), AttentionMethod.ROLLOUT);
        }
        assertThat(weights.getManagedArrays()).hasSize(managed);
    }

    @Test
    void shouldRefuseToForecastAfterTheModelIsClosed() throws Exception {
        ForecastModel other = ModelLoader.load(dir, DeviceChoice.CPU);
        Forecaster forecaster = other.newForecaster();
        other.close();
        assertThatThrownBy(
                        () ->
                                forecaster.forecast(
                                        List.<float[][]>of(window(variables(), 1)),
                                        AttentionMethod.QUERY))
                .isInstanceOf(HeedModelException.class)
                .hasMessage("model " + descriptor().name() + " is closed");
    }

    @Test
    void shouldExplainAMissingWeightsFile() throws Exception {
        Path copy = Fixtures.copy(fixture(), temp);
        Files.delete(copy.resolve(descriptor().weights()));
        assertThatThrownBy(() -> ModelLoader.load(copy, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(
                        "model weights not found: "
                                + copy.resolve(descriptor().weights())
                                + " (named by model.json's \"weights\")");
    }

    @Test
    void shouldExplainACorruptWeightsFileByHashAndWithoutOne() throws Exception {
        Path copy = Fixtures.copy(fixture(), temp);
        Path weights = copy.resolve(descriptor().weights());
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelLoader.load(copy, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(
                        "model weights " + weights + " are corrupt or replaced: sha256 is ")
                .hasMessageEndingWith(", model.json expects " + descriptor().weightsSha256());
        Fixtures.editDescriptor(copy, json -> json.remove("weights_sha256"));
        assertThatThrownBy(() -> ModelLoader.load(copy, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("cannot load ")
                .hasMessageContaining(weights.toString())
                .hasMessageContaining("corrupt");
    }

    @Test
    void shouldExplainOutputsThatDoNotFitTheNetwork() throws Exception {
        Path copy = Fixtures.copy(fixture(), temp);
        ModelDescriptor.Outputs at = descriptor().outputs();
        Fixtures.editDescriptor(
                copy, json -> ((ObjectNode) json.get("outputs")).put("attention", 5));
        assertThatThrownBy(() -> ModelLoader.load(copy, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(
                        "returned "
                                + networkOutputs()
                                + " outputs; model.json's outputs (prediction "
                                + at.prediction()
                                + ", attention 5) need at least 6")
                .hasMessageContaining(copy.toString());
        Fixtures.editDescriptor(
                copy,
                json ->
                        ((ObjectNode) json.get("outputs"))
                                .put("prediction", at.attention())
                                .put("attention", at.prediction()));
        assertThatThrownBy(() -> ModelLoader.load(copy, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("output " + at.attention() + " (prediction) has shape (")
                .hasMessageContaining(
                        "expected (B, horizon, C) = (2, " + descriptor().horizon() + ", ");
    }
}
