package dev.heed.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.models.testing.SineData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastTrainerTest {

    @TempDir Path temp;

    @Test
    void shouldTrainAModelThatTheLoaderLoadsAndReportProgress() throws Exception {
        Path csv = SineData.write(temp.resolve("sine.csv"), 600, 3);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TrainingOptions options =
                TrainingOptions.builder()
                        .setDataFiles(List.of(csv))
                        .setOutputDir(temp.resolve("model"))
                        .setWindow(24)
                        .setHorizon(2)
                        .optTarget("b")
                        .optDModel(8)
                        .optHeads(2)
                        .optLayers(1)
                        .optFfDim(16)
                        .optPatchLen(6)
                        .optPatchStride(3)
                        .optMaxEpochs(1)
                        .optMaxTrainWindows(64)
                        .optVersion("v-test")
                        .build();
        TrainingResult result =
                ForecastTrainer.train(
                        options,
                        new ConsoleProgress(
                                new PrintStream(console, true, StandardCharsets.UTF_8)));
        assertThat(result.descriptor().version()).isEqualTo("v-test");
        assertThat(result.descriptor().variables()).containsExactly("b");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("epoch 1/1 train ");
        try (ForecastModel model = ModelLoader.load(result.modelDir(), DeviceChoice.AUTO);
                Forecaster forecaster = model.newForecaster()) {
            float[][] window = new float[1][24];
            java.util.Arrays.fill(window[0], 100f);
            Forecast f =
                    forecaster.forecast(List.<float[][]>of(window), AttentionMethod.QUERY).get(0);
            assertThat(f.prediction()).hasDimensions(1, 2);
            assertThat(f.stepWeights()).hasSize(24);
        }
    }

    @Test
    void shouldNameAMissingDataFile() {
        TrainingOptions options =
                TrainingOptions.builder()
                        .setDataFiles(List.of(temp.resolve("missing.csv")))
                        .setOutputDir(temp.resolve("model"))
                        .setWindow(24)
                        .setHorizon(2)
                        .build();
        assertThatThrownBy(() -> ForecastTrainer.train(options, null))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("cannot read data file " + temp.resolve("missing.csv"));
    }
}
