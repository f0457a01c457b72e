package dev.heed.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.models.internal.Hashing;
import dev.heed.models.testing.SineData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingRunTest {

    @TempDir static Path temp;

    private Path csv;
    private TrainingRun.Trained trained;
    private final RecordingListener listener = new RecordingListener();

    private TrainingOptions.Builder tiny(Path out) {
        return TrainingOptions.builder()
                .setDataFiles(List.of(csv))
                .setOutputDir(out)
                .setWindow(32)
                .setHorizon(4)
                .optDModel(16)
                .optHeads(2)
                .optLayers(1)
                .optFfDim(32)
                .optPatchLen(8)
                .optPatchStride(8)
                .optBatchSize(32)
                .optLearningRate(3e-3)
                .optCommand("heed train --test");
    }

    @BeforeAll
    void train() throws Exception {
        csv = SineData.write(temp.resolve("sine.csv"), 1200, 1);
        trained =
                TrainingRun.run(tiny(temp.resolve("sine-model")).optMaxEpochs(3).build(), listener);
    }

    @AfterAll
    void close() {
        trained.close();
    }

    private static List<float[][]> windows(int count, int steps) {
        List<float[][]> windows = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            float[][] window = new float[2][steps];
            for (int t = 0; t < steps; t++) {
                window[0][t] = (float) Math.sin(2 * Math.PI * (t + 5 * w) / 24);
                window[1][t] = (float) (100 + 10 * Math.sin(2 * Math.PI * (t + 5 * w) / 12));
            }
            windows.add(window);
        }
        return windows;
    }

    @Test
    void shouldWriteAModelDirectoryWhoseDescriptorRoundTrips() throws Exception {
        TrainingResult result = trained.result();
        assertThat(result.modelDir().resolve("model.json")).isRegularFile();
        assertThat(result.modelDir().resolve("model.params")).isRegularFile();
        ModelDescriptor read = ModelDescriptor.read(result.modelDir());
        assertThat(read).isEqualTo(result.descriptor());
        assertThat(read.variables()).containsExactly("a", "b");
        assertThat(read.normalization().mean()).hasSize(2);
        assertThat(read.data().sha256()).containsEntry(csv.toString(), Hashing.sha256(csv));
        assertThat(read.data().rows()).containsEntry(csv.toString(), 1200);
        assertThat(read.training().epochsRun()).isEqualTo(3);
        assertThat(read.training().command()).isEqualTo("heed train --test");
        assertThat(read.training().threads()).isEqualTo(1);
        assertThat(read.metrics().testMse()).isNotNull().isPositive();
        assertThat(Files.readString(result.modelDir().resolve("model.json")))
                .contains("\"d_model\" : 16", "\"instance_norm\" : true", "\"nan_rollbacks\" : 0");
    }

    @Test
    void shouldLowerTheTrainingLoss() {
        List<Double> loss = trained.result().trainLoss();
        assertThat(loss).hasSize(3);
        assertThat(loss.get(2)).isLessThan(loss.get(0));
        assertThat(listener.epochs).hasSize(3);
        assertThat(listener.batches).isNotEmpty();
        assertThat(listener.rollbacks).isEmpty();
    }

    @Test
    void shouldReloadAModelThatForecastsLikeTheTrainedOne() throws Exception {
        List<float[][]> windows = windows(3, 32);
        List<Forecast> before;
        try (Forecaster forecaster = trained.model().newForecaster()) {
            before = forecaster.forecast(windows, AttentionMethod.ROLLOUT);
        }
        try (ForecastModel loaded =
                        ModelLoader.load(trained.result().modelDir(), DeviceChoice.CPU);
                Forecaster forecaster = loaded.newForecaster()) {
            List<Forecast> after = forecaster.forecast(windows, AttentionMethod.ROLLOUT);
            for (int w = 0; w < windows.size(); w++) {
                for (int c = 0; c < 2; c++) {
                    for (int k = 0; k < 4; k++) {
                        assertThat(after.get(w).prediction()[c][k])
                                .isCloseTo(before.get(w).prediction()[c][k], within(1e-4f));
                    }
                }
                for (int t = 0; t < 32; t++) {
                    assertThat(after.get(w).stepWeights()[t])
                            .isCloseTo(before.get(w).stepWeights()[t], within(1e-6f));
                }
            }
        }
    }

    @Test
    void shouldCountRollbacksAndKeepParametersFiniteWhenTheLearningRateExplodes() {
        RecordingListener exploding = new RecordingListener();
        TrainingOptions options =
                tiny(temp.resolve("exploding"))
                        .optLearningRate(1e30)
                        .optMaxEpochs(1)
                        .optMaxTrainWindows(256)
                        .build();
        try (TrainingRun.Trained run = TrainingRun.run(options, exploding)) {
            assertThat(exploding.rollbacks).isNotEmpty();
            assertThat(run.result().descriptor().training().nanRollbacks())
                    .isEqualTo(exploding.rollbacks.size());
            for (Pair<String, Parameter> p : run.model().model().getBlock().getParameters()) {
                for (float v : p.getValue().getArray().toFloatArray()) {
                    assertThat(Float.isFinite(v)).as(p.getKey()).isTrue();
                }
            }
        }
    }

    @Test
    void shouldTrainAChannelIndependentModelOnEveryColumnAsItsOwnSeries() throws Exception {
        TrainingOptions options =
                tiny(temp.resolve("ci"))
                        .optChannelIndependent(true)
                        .optMaxEpochs(1)
                        .optMaxTrainWindows(64)
                        .build();
        try (TrainingRun.Trained run = TrainingRun.run(options, null)) {
            ModelDescriptor d = run.result().descriptor();
            assertThat(d.variables()).containsExactly("*");
            assertThat(d.normalization().isEmpty()).isTrue();
            assertThat(ModelDescriptor.read(run.result().modelDir())).isEqualTo(d);
        }
    }

    @Test
    void shouldNotLeakArraysPerBatch() {
        int[] managed = new int[2];
        for (int epochs = 1; epochs <= 2; epochs++) {
            TrainingOptions options =
                    tiny(temp.resolve("leak" + epochs))
                            .optMaxEpochs(epochs)
                            .optMaxTrainWindows(96)
                            .build();
            try (TrainingRun.Trained run = TrainingRun.run(options, null)) {
                managed[epochs - 1] = run.model().model().getNDManager().getManagedArrays().size();
                try (Forecaster forecaster = run.model().newForecaster()) {
                    forecaster.forecast(windows(2, 32), AttentionMethod.QUERY);
                }
                assertThat(run.model().model().getNDManager().getManagedArrays())
                        .hasSize(managed[epochs - 1]);
            }
        }
        assertThat(managed[1]).isEqualTo(managed[0]);
    }

    @Test
    void shouldReproduceARunWithTheSameSeed() {
        List<TrainingResult> runs = new ArrayList<>();
        for (String name : List.of("seeded1", "seeded2")) {
            TrainingOptions options =
                    tiny(temp.resolve(name))
                            .optMaxEpochs(2)
                            .optMaxTrainWindows(96)
                            .optSeed(7)
                            .build();
            try (TrainingRun.Trained run = TrainingRun.run(options, null)) {
                runs.add(run.result());
            }
        }
        assertThat(runs.get(1).trainLoss()).isEqualTo(runs.get(0).trainLoss());
        assertThat(runs.get(1).descriptor().weightsSha256())
                .isEqualTo(runs.get(0).descriptor().weightsSha256());
    }

    @Test
    void shouldStopAtTheTimeLimitKeepingTheEpochDone() {
        RecordingListener events = new RecordingListener();
        TrainingOptions options =
                tiny(temp.resolve("timed")).optMaxEpochs(5).optMaxMinutes(1e-9).build();
        try (TrainingRun.Trained run = TrainingRun.run(options, events)) {
            assertThat(run.result().stoppedEarly()).isTrue();
            assertThat(events.batches).hasSize(1);
            assertThat(events.stops).singleElement().asString().startsWith("time limit");
            assertThat(run.result().descriptor().training().epochsRun()).isEqualTo(1);
            assertThat(run.result().descriptor().training().bestEpoch()).isEqualTo(1);
        }
    }
}
