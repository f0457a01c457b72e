package dev.heed.eval.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.data.DataSplit;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.models.testing.SineData;
import dev.heed.models.training.ForecastTrainer;
import dev.heed.models.training.TrainingOptions;
import dev.heed.models.training.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator end to end on tiny models trained here on generated data. */
class ForecastEvaluatorTest {

    private static final DataSplit SPLIT = DataSplit.parse("300,100,100");

    @TempDir static Path temp;
    private static Path csv;
    private static TrainingResult independent;
    private static TrainingResult fixed;

    @BeforeAll
    static void train() throws Exception {
        // 520 rows: train [0, 300), validation [300, 400), test [400, 500), 20 rows unused
        csv = SineData.write(temp.resolve("sine.csv"), 520, 5);
        independent =
                ForecastTrainer.train(
                        options("independent").optChannelIndependent(true).build(), null);
        fixed = ForecastTrainer.train(options("fixed").optGlobalNormalize(true).build(), null);
    }

    private static TrainingOptions.Builder options(String name) {
        return TrainingOptions.builder()
                .setDataFiles(List.of(csv))
                .setOutputDir(temp.resolve(name))
                .setWindow(24)
                .setHorizon(4)
                .optSplit(SPLIT)
                .optDModel(8)
                .optHeads(2)
                .optLayers(1)
                .optFfDim(16)
                .optPatchLen(6)
                .optPatchStride(3)
                .optMaxEpochs(1)
                .optMaxTrainWindows(64);
    }

    private static EvaluationResult evaluate(TrainingResult trained, Path file, DataSplit split)
            throws ModelLoadException {
        try (ForecastModel model = ModelLoader.load(trained.modelDir(), DeviceChoice.CPU)) {
            return ForecastEvaluator.evaluate(model, file, 4, split);
        }
    }

    @Test
    void shouldScoreAChannelIndependentModelAsItsTrainingRunTestedIt() throws Exception {
        EvaluationResult result = evaluate(independent, csv, SPLIT);
        ModelDescriptor.Metrics trained = independent.descriptor().metrics();
        assertThat(result.windows()).isEqualTo(100 - 4 + 1);
        assertThat(result.variables()).containsExactly("a", "b");
        assertThat(result.trainRows()).isEqualTo(300);
        assertThat(result.testFrom()).isEqualTo(400);
        assertThat(result.testRows()).isEqualTo(100);
        assertThat(result.mse()).isCloseTo(trained.testMse(), withinPercentage(0.1));
        assertThat(result.mae()).isCloseTo(trained.testMae(), withinPercentage(0.1));
        // both variables have the same number of values, so the pooled MSE is their mean
        double meanOfVariables = (result.variableMse().get(0) + result.variableMse().get(1)) / 2;
        assertThat(result.mse()).isCloseTo(meanOfVariables, withinPercentage(1e-6));
    }

    @Test
    void shouldScoreAFixedVariableModelAsItsTrainingRunTestedIt() throws Exception {
        EvaluationResult result = evaluate(fixed, csv, SPLIT);
        ModelDescriptor.Metrics trained = fixed.descriptor().metrics();
        assertThat(fixed.descriptor().normalization().isEmpty()).isFalse();
        assertThat(result.windows()).isEqualTo(97);
        assertThat(result.mse()).isCloseTo(trained.testMse(), withinPercentage(0.1));
        assertThat(result.mae()).isCloseTo(trained.testMae(), withinPercentage(0.1));
    }

    @Test
    void shouldNormaliseWithTheFilesOwnTrainingStatistics() throws Exception {
        // the same series scaled by 1000 and shifted: z-scores, and so the errors, are unchanged
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        StringBuilder scaled = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            scaled.append(cells[0]);
            for (int c = 1; c < cells.length; c++) {
                scaled.append(',').append(Float.parseFloat(cells[c]) * 1000f + 5000f);
            }
            scaled.append('\n');
        }
        Path other = Files.writeString(temp.resolve("scaled.csv"), scaled);
        EvaluationResult original = evaluate(independent, csv, SPLIT);
        EvaluationResult result = evaluate(independent, other, SPLIT);
        assertThat(result.mse()).isCloseTo(original.mse(), withinPercentage(1));
    }

    @Test
    void shouldRefuseAHorizonTheModelDoesNotForecast() throws Exception {
        try (ForecastModel model = ModelLoader.load(independent.modelDir(), DeviceChoice.CPU)) {
            assertThatThrownBy(() -> ForecastEvaluator.evaluate(model, csv, 96, SPLIT))
                    .isInstanceOf(HeedModelException.class)
                    .hasMessageContaining(
                            "forecasts 4 steps but the evaluation asks for horizon 96");
        }
    }

    @Test
    void shouldRefuseAFileTooShortForTheSplit() {
        assertThatThrownBy(() -> evaluate(independent, csv, ForecastEvaluator.ETT_HOURLY_SPLIT))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining(
                        "split 8640,2880,2880 needs 14400 rows but " + csv + " has 520");
    }

    @Test
    void shouldRefuseAFileWithOtherColumnsForAFixedVariableModel() throws Exception {
        Path other = Files.writeString(temp.resolve("other.csv"), "date,a,c\n2026-01-01,1,2\n");
        assertThatThrownBy(() -> evaluate(fixed, other, SPLIT))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining(
                        "forecasts variables [a, b] but " + other + " has columns [a, c]");
    }
}
